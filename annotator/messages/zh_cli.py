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
    # the program and the window
    "show the program's version and exit": "显示程序版本并退出",
    "Qualitative coding of texts.": "文本的质性编码。",
    "Open the window. Subcommands: {commands} (annotator CMD -h).":
        "打开窗口。子命令：{commands}（annotator 子命令 -h 查看说明）。",
    "save a screenshot of the window and exit": "保存窗口截图并退出",
    "a project file or a team project's URL (postgresql://…)":
        "项目文件或团队项目的地址（postgresql://…）",
    "document to show": "要显示的文档",
    "leave out the analysis sheets (co-occurrence, crosstabs, saved queries)":
        "不包括分析工作表（共现、交叉表、已保存的查询）",
    "blind coding: participants see only their own codings":
        "盲编码：参与者只看到自己的编码",
    "switch blind coding on": "开启盲编码",
    "the coder who goes on seeing everything (with --on)":
        "仍能看到全部编码的编码员（与 --on 一起用）",
    "switch it off: everyone sees everyone's codings": "关闭盲编码：每个人都看到所有人的编码",
    "annotator: --lang takes one of {languages}": "annotator：--lang 只能是 {languages} 之一",
    # argparse's own words (``cli/argparse_words``): its gettext message ids, %-style
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "subcommands": "子命令",
    "show this help message and exit": "显示此帮助信息并退出",
    "show program's version number and exit": "显示程序版本并退出",
    " (default: %(default)s)": "（默认：%(default)s）",
    "%(heading)s:": "%(heading)s：",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "%(prog)s: warning: %(message)s\n": "%(prog)s：警告：%(message)s\n",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "the following arguments are required: %s": "缺少以下必需参数：%s",
    "one of the arguments %s is required": "必须给出参数 %s 之一",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "ignored explicit argument %r": "多余的参数值 %r 被忽略",
    "expected one argument": "需要一个参数值",
    "expected at most one argument": "最多只能有一个参数值",
    "expected at least one argument": "至少需要一个参数值",
    "expected %s argument": "需要 %s 个参数值",
    "expected %s arguments": "需要 %s 个参数值",
    "ambiguous option: %(option)s could match %(matches)s":
        "选项不明确：%(option)s 可以是 %(matches)s",
    "unexpected option string: %s": "意外的选项：%s",
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "无效的选择：%(value)r（可选：%(choices)s）",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "未知的子命令 %(parser_name)r（可选：%(choices)s）",
    "can't open '%(filename)s': %(error)s": "无法打开“%(filename)s”：%(error)s",
    "argument '%(argument_name)s' is deprecated": "参数“%(argument_name)s”已不建议使用",
    "option '%(option)s' is deprecated": "选项“%(option)s”已不建议使用",
    "command '%(parser_name)s' is deprecated": "子命令“%(parser_name)s”已不建议使用",
    # project commands: what they did
    "created {project} from {source}: {summary}": "已从 {source} 新建 {project}：{summary}",
    "note: {note}": "注意：{note}",
    "created {project} (codebook template: {template})":
        "已新建 {project}（编码本模板：{template}）",
    "added code {path} ({color})": "已添加代码 {path}（{color}）",
    "imported codebook {name}: {added} codes added, {present} already present":
        "已导入编码本 {name}：新增 {added} 个代码，{present} 个已存在",
    "imported {source} as {name}: {characters} characters, {encoding}":
        "已导入 {source}，文档名 {name}：{characters} 个字符，文本编码 {encoding}",
    "imported {source} as {name}: {characters} characters":
        "已导入 {source}，文档名 {name}：{characters} 个字符",
    "warning: {file}: {warning}": "警告：{file}：{warning}",
    "refused: {reason}": "已拒绝：{reason}",
    "refused: {file}: {reason}": "已拒绝：{file}：{reason}",
    "{imported} imported, {refused} refused": "已导入 {imported} 个，拒绝 {refused} 个",
    "coded {characters} characters [{start}, {end}) of {document} with {code}":
        "已用 {code} 编码 {document} 的 {characters} 个字符 [{start}, {end})",
    "uncoded {code} from [{start}, {end}) of {document} ({touched} codings touched, "
    "{kept} kept in part)":
        "已从 {document} 的 [{start}, {end}) 移除代码 {code}（涉及 {touched} 处编码，"
        "{kept} 处保留了一部分）",
    "exported {path}": "已导出 {path}",
    "created the demo project {path}": "已创建示例项目 {path}",
    # project commands: their help
    "code path from the root, names joined by '/', e.g. 信任/政治信任 "
    "(write '\\/' for a / inside a name)":
        "从根开始的代码路径，名称之间用“/”连接，例如 信任/政治信任（名称里的 / 写作“\\/”）",
    ".qdpx offsets count UTF-16 units (NVivo) or code points (the standard); default: "
    "decided from the file, said in the report":
        ".qdpx 的位置按 UTF-16 单元（NVivo）还是按码位（标准）计数；"
        "默认：由文件判断，并在报告中说明",
    "a CRLF line end in the .qdpx texts counts 1 or 2 positions; default: decided from "
    "the file": ".qdpx 文本中的 CRLF 换行算 1 个还是 2 个位置；默认：由文件判断",
    "create a project": "新建项目",
    "start from a REFI-QDA project (NVivo, ATLAS.ti, MAXQDA...)":
        "从 REFI-QDA 项目（NVivo、ATLAS.ti、MAXQDA 等）开始",
    "add a code (parents created as needed)": "添加代码（需要时一并创建父代码）",
    "the colour, #RRGGBB": "颜色，#RRGGBB",
    "the code's definition": "代码的定义",
    "who adds the code (recorded as its author)": "添加代码的人（记为代码的作者）",
    "import documents (.txt .md .docx .pdf .odt .html) or a REFI-QDA codebook (.qdc)":
        "导入文档（.txt .md .docx .pdf .odt .html）或 REFI-QDA 编码本（.qdc）",
    "text encoding of .txt/.md files (default: detected)":
        ".txt/.md 文件的文本编码（默认：自动检测）",
    "code a span": "给一段文字编码",
    "remove a code from a span": "从一段文字上移除代码",
    "document name": "文档名称",
    "first character (code points, from 0)": "第一个字符（按码位，从 0 起）",
    "one past the last character": "最后一个字符之后的位置",
    "coded segments (code-and-retrieve)": "列出编码片段（检索编码片段）",
    "include the code's children": "包括该代码的子代码",
    "export to Excel (.xlsx) or REFI-QDA (.qdpx, .qdc)":
        "导出为 Excel（.xlsx）或 REFI-QDA（.qdpx、.qdc）",
    "the file to write: OUT.xlsx, OUT.qdpx or OUT.qdc":
        "要写入的文件：OUT.xlsx、OUT.qdpx 或 OUT.qdc",
    "leave out the agreement and disagreement sheets": "不包括一致性和分歧工作表",
    "leave out the word-frequency sheet": "不包括词频工作表",
    ".qdpx offsets in UTF-16 units, as NVivo counts them (default: code points, as the "
    "standard says); they differ only after emoji and other characters beyond the BMP":
        ".qdpx 中的位置按 UTF-16 单元计数，与 NVivo 相同（默认：按码位，依照标准）；"
        "两者只在表情符号等 BMP 以外的字符之后才不同",
    "create (if needed) and open the demo project": "创建（如需要）并打开示例项目",
    "only create it": "只创建，不打开",
    # check, salvage, push, save-copy
    "check a project file through (structure and texts)": "全面检查项目文件（结构和文本）",
    "write a new project of what is readable in a damaged one":
        "把损坏项目中仍可读取的内容写成一个新项目",
    "the damaged project file": "损坏的项目文件",
    "the new .annotator file": "新的 .annotator 文件",
    "upload a project file to an empty server database": "把项目文件上传到服务器上的空数据库",
    "the project file": "项目文件",
    "postgresql://user@host/database (an empty database)":
        "postgresql://用户@主机/数据库（一个空数据库）",
    "write a self-contained project file of a project": "把项目写成一个独立的项目文件",
    "a project file or a server URL": "项目文件或服务器地址",
}
