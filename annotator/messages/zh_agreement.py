"""Chinese for the messages of agreement."""

ZH: dict[str, str] = {
    "values outside the categories: {values}": "取值不在类别之内：{values}",
    "a count cannot be negative": "计数不能为负数",
    "the number of resamples must be at least 1, not {n}": "重抽样次数至少为 1，而不是 {n}",
    "the confidence level must lie between 0 and 1, not {level}":
        "置信水平必须在 0 与 1 之间，而不是 {level}",
}
