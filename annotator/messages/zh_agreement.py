"""Chinese for the messages of agreement."""

ZH: dict[str, str] = {
    "values outside the categories: {values}": "取值不在类别之内：{values}",
    "a count cannot be negative": "计数不能为负数",
}
