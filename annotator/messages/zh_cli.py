"""Chinese for the messages of the command line."""

ZH: dict[str, str] = {
    "{name}: export to .xlsx (Excel), .qdpx or .qdc (REFI-QDA)":
        "{name}：只能导出为 .xlsx（Excel）、.qdpx 或 .qdc（REFI-QDA）",
    "{name}: a whole REFI-QDA project; use 'annotator merge PROJECT {path}' to add it or "
    "'annotator new NEW.annotator --from {path}' to start from it":
        "{name}：这是完整的 REFI-QDA 项目；用“annotator merge 项目 {path}”把它并入，"
        "或用“annotator new 新项目.annotator --from {path}”从它新建项目",
    "annotator: error: {message}": "annotator：错误：{message}",
    "{url}: not a server address (postgresql://user@host/database)":
        "{url}：不是服务器地址（postgresql://用户@主机/数据库）",
    "uploaded {name} to {url}": "已将“{name}”上传到 {url}",
    "saved a copy as {path}": "已另存副本为 {path}",
    "annotator: error: an argument holds bytes that are not UTF-8 text — "
    "retype it (nothing was changed)":
        "annotator：错误：某个参数含有不是 UTF-8 文字的字节——请重新输入（未做任何更改）",
    "{path}: {report}": "{path}：{report}",
    "saved what is readable as {path}: {report}": "已把仍可读取的内容保存为 {path}：{report}",
    # annotator info
    "what the project holds": "项目里有什么",
    "print it as JSON, with stable keys for scripts": "以 JSON 输出（键名固定，供脚本读取）",
    "{name}: {documents} documents, {codes} codes, {coders} coders, {codings} codings":
        "{name}：{documents} 个文档，{codes} 个代码，{coders} 位编码员，{codings} 处编码",
    "  document  {name}  ({characters} characters)": "  文档  {name}（{characters} 个字符）",
    "  code      {path}  {color}  {codings}": "  代码  {path}  {color}  {codings}",
}
