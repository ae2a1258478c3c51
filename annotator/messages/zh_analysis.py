"""Chinese for the messages of analysis: cases, attributes, queries, matrices."""

ZH: dict[str, str] = {
    "--by takes an attribute name or 'case'": "--by 需要一个属性名或 case。",
    "(no value)": "（无值）",
    "--where takes ATTRIBUTE=VALUE, not {item!r}": "--where 的格式是 属性=值，而不是 {item!r}。",
    "--within takes a number of characters, sentence or paragraph":
        "--within 需要字符数、sentence（同一句）或 paragraph（同一段）。",
    "All documents, all coders": "全部文档，全部编码员",
    "Attribute {name} = {value}": "属性 {name} = {value}",
    "Cases": "案例",
    "Cases: {names}": "案例：{names}",
    "Characters": "字符数",
    "Co-occurrence": "代码共现",
    "Co-occurring pairs": "共现代码对",
    "Code A": "代码 A",
    "Code B": "代码 B",
    "Code": "代码",
    "Code frequencies (codings)": "代码频次（编码数）",
    "{name}: the picture must be an .svg file": "{name}：图片必须是 .svg 文件。",
    "{path}: no such folder": "{path}：没有这个文件夹。",
    "Coders: {names}": "编码员：{names}",
    "Crosstab": "交叉表",
    "Document": "文档",
    "Documents": "文档数",
    "Documents: {names}": "文档：{names}",
    "End": "结束",
    "Jaccard": "Jaccard 系数",
    "Passages carrying both codes": "同时带有两个代码的片段数",
    "Documents carrying both codes": "同时带有两个代码的文档数",
    "Cases carrying both codes": "同时带有两个代码的案例数",
    "Characters carrying both codes": "同时带有两个代码的字符数",
    "Jaccard similarity (characters)": "Jaccard 系数（按字符）",
    "{name}: the picture must be a .png file": "{name}：图片必须是 .png 文件。",
    "{name}: the chart could not be drawn": "{name}：无法绘制该图表。",
    "{name}: the picture could not be written": "{name}：无法写入该图片。",
    "Where each code falls in {document}": "各代码在《{document}》中的位置",
    "{title} — the {shown} of {total} codes that co-occur most":
        "{title}——{total} 个代码中共现最多的 {shown} 个",
    "Passages": "片段数",
    "Query results": "查询结果",
    "Query: {a} {op} {b} (reach: {scope} {within})":
        "查询：{a} {op} {b}（范围：{scope} {within}）",
    "Query: {a}": "查询：{a}",
    "Start": "开始",
    "Text": "文本",
    "a query combines two codes with one operator": "一个查询只能用一个运算符组合两个代码。",
    "a query needs --code (or --run NAME)": "查询需要 --code（或 --run 名称）。",
    "a saved query needs a name": "保存的查询需要一个名称。",
    "an attribute belongs to documents or to cases, not {scope!r}":
        "属性属于文档或案例，而不是 {scope!r}。",
    "an attribute needs a name": "属性需要一个名称。",
    "an operator needs a second code, and a second code an operator":
        "运算符需要第二个代码，第二个代码也需要运算符。",
    "attribute type {kind!r} is not one of text, number, date, category":
        "属性类型 {kind!r} 不是 text、number、date、category 之一。",
    "attribute {name!r} is a header of two columns": "属性 {name!r} 是两列的表头。",
    "attributes import and export take one FILE (.xlsx or .csv)":
        "attributes import 和 export 需要一个文件（.xlsx 或 .csv）。",
    "Case": "案例",
    "Attributes": "属性",
    "attributes set takes ATTRIBUTE NAME VALUE": "attributes set 需要 属性 名称 值。",
    "by case": "按案例",
    "by {name}": "按 {name}",
    "column {col}: the header cell is empty; name the attribute":
        "第 {col} 列：表头单元格为空，请填写属性名。",
    "column {name!r} holds numbers and also text ({example!r}); make it one type":
        "列 {name!r} 既有数字又有文字（{example!r}），请统一为一种类型。",
    "no attribute named {name!r} in this project": "本项目中没有名为 {name!r} 的属性。",
    "no case named {name!r} in this project": "本项目中没有名为 {name!r} 的案例。",
    "no saved query named {name!r}": "没有名为 {name!r} 的已保存查询。",
    "row {row}, column {col}: a formula ({formula}); write its value instead":
        "第 {row} 行第 {col} 列：是公式（{formula}），请改为填写其值。",
    "row {row}, column {name!r}: {reason}": "第 {row} 行，列 {name!r}：{reason}",
    "row {row}: the first column, the name, is empty": "第 {row} 行：第一列（名称）为空。",
    "row {row}: {name!r} again (first in row {first})":
        "第 {row} 行：{name!r} 重复出现（首次在第 {first} 行）。",
    "the analysis was cancelled; nothing was changed": "分析已取消，未做任何更改。",
    "the saved query {name!r} uses the code {path!r}, which has been deleted":
        "已保存的查询 {name!r} 使用的代码 {path!r} 已被删除。",
    "there is already a case named {name!r}": "已有名为 {name!r} 的案例。",
    "there is already a saved query named {name!r}": "已有名为 {name!r} 的已保存查询。",
    "there is already an attribute named {name!r}": "已有名为 {name!r} 的属性。",
    "this cases action needs a case name": "此案例操作需要一个案例名称。",
    "unknown query operator {op!r}": "未知的查询运算符 {op!r}。",
    "{column}: % of documents": "{column}：文档占比（%）",
    "{column}: characters": "{column}：字符数",
    "{column}: codings": "{column}：编码数",
    "{column}: documents": "{column}：文档数",
    "{count} pairs of codes occur together": "{count} 对代码共同出现",
    "{count} passages, {chars} characters": "{count} 个片段，{chars} 个字符",
    "{count} rows name no document of this project: {names}{more}":
        "{count} 行的名称不是本项目的文档：{names}{more}",
    "{created} values to create, {changed} to change, {unchanged} unchanged, "
    "{unmatched} rows unmatched":
        "将新建 {created} 个值，修改 {changed} 个，{unchanged} 个不变，{unmatched} 行未匹配",
    "{name} ({scope}, {type}): {count} values": "{name}（{scope}，{type}）：{count} 个值",
    "{name}: an attribute table must be .xlsx or .csv":
        "{name}：属性表必须是 .xlsx 或 .csv 文件。",
    "{name}: no such file": "{name}：没有这个文件。",
    "{name}: not a readable Excel workbook ({reason})":
        "{name}：不是可读取的 Excel 工作簿（{reason}）。",
    "{name}: not a text table (neither UTF-8 nor GB18030)":
        "{name}：不是文本表格（既不是 UTF-8 也不是 GB18030）。",
    "{name}: not imported, nothing was changed: {count} problems, the first: {first}":
        "{name}：未导入，未做任何更改：共 {count} 个问题，第一个是：{first}",
    "{name}: the table has no rows below its header": "{name}：表头下面没有数据行。",
    "{name}: {count} documents": "{name}：{count} 个文档",
    "{rows} codes × {columns} columns": "{rows} 个代码 × {columns} 列",
    "{value!r} is not a date (YYYY-MM-DD)": "{value!r} 不是日期（YYYY-MM-DD）。",
    "{value!r} is not a number": "{value!r} 不是数字。",
    "Document sets: {names}": "文档集：{names}",
    "Code sets: {names}": "代码集：{names}",
    "no document set named {name!r} in this project": "本项目中没有名为 {name!r} 的文档集。",
    "no code set named {name!r} in this project": "本项目中没有名为 {name!r} 的代码集。",
    "there is already a set named {name!r}": "已有名为 {name!r} 的集合。",
    "this sets action needs a set name": "此集合操作需要一个集合名称。",
    "{name} ({kind} set): {count} members": "{name}（{kind}集）：{count} 个成员",
    "document": "文档",
    "code": "代码",
    "a segment of {name!r} runs from 0 to {length}, and its end comes after its start "
    "(got {start}–{end})": "{name!r} 的片段须在 0 到 {length} 之间，且结束位置在开始位置之后"
    "（收到 {start}–{end}）。",
    "the case {case!r} already holds all of {name!r}": "案例 {case!r} 已包含整个 {name!r}。",
    "cases code-segment and uncode-segment take one --docs NAME, --start and --end":
        "cases code-segment 与 uncode-segment 需要一个 --docs 文档名、--start 和 --end。",
    "  {document}: {count} coded stretches, {chars} characters":
        "  {document}：{count} 个已编码片段，{chars} 个字符",
    "Codes × cases": "代码 × 案例",
    "Codes × {name}": "代码 × {name}",
    "Saved queries": "已保存的查询",
    "Saved query": "已保存的查询",
    "Query": "查询",
    "Filters": "筛选条件",
}
