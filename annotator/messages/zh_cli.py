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
    # analysis commands: their help
    "case": "案例",
    "text": "文本",
    "number": "数值",
    "date": "日期",
    "category": "类别",
    "print JSON": "以 JSON 输出",
    "only the documents of these document sets (names, commas)":
        "只用这些文档集中的文档（名称，用逗号分隔）",
    "only the codes of these code sets (names, commas)":
        "只用这些代码集中的代码（名称，用逗号分隔）",
    "only these documents (names, commas)": "只用这些文档（名称，用逗号分隔）",
    "only the documents of these cases (or their coded stretches)":
        "只用这些案例的文档（或案例所编码的文字段）",
    "only documents (or their cases) with this attribute value":
        "只用具有此属性值的文档（或其案例）",
    "only these coders' codings": "只用这些编码员的编码",
    "attributes of documents and cases": "文档和案例的属性",
    "set: ATTRIBUTE NAME VALUE; import/export: FILE": "set：属性 名称 值；import/export：文件",
    "attributes of cases, not documents": "案例的属性，而不是文档的属性",
    "type of a new attribute": "新属性的类型",
    "import: only show the preview": "import：只显示预览",
    "cases: groups of documents": "案例：文档的分组",
    "document names (commas)": "文档名称（用逗号分隔）",
    "code-segment: first character (code points)": "code-segment：第一个字符（按码位）",
    "code-segment: character after the last": "code-segment：最后一个字符之后的位置",
    "document sets and code sets": "文档集和代码集",
    "a code set, not a document set": "代码集，而不是文档集",
    "document names, or code paths with --code (commas)":
        "文档名称，或与 --code 一起用时的代码路径（用逗号分隔）",
    "coding query: combine codes, retrieve the passages": "编码查询：组合代码，检索片段",
    "code path": "代码路径",
    "the text that carries both": "同时带有两个代码的文字",
    "the text that carries either": "带有任一代码的文字",
    "the text of A without B": "带有 A 而不带 B 的文字",
    "passages of A and B within reach": "彼此相距不远的 A 与 B 的片段",
    "A, then B within reach": "先 A，其后不远处有 B",
    "N characters, sentence or paragraph (default 0)":
        "N 个字符、sentence（句）或 paragraph（段）（默认 0）",
    "code the results with a new code": "用一个新代码为结果编码",
    "keep the query to re-run": "保存查询，以便再次运行",
    "re-run a saved query": "再次运行已保存的查询",
    "write the results to this workbook": "把结果写入此工作簿",
    "code × code co-occurrence": "代码 × 代码共现",
    "only these codes (paths, commas)": "只用这些代码（路径，用逗号分隔）",
    "write the matrix to this workbook": "把矩阵写入此工作簿",
    "draw the matrix as a heatmap (.svg)": "把矩阵画成热图（.svg）",
    "draw the codes as a network (.svg)": "把代码画成网络图（.svg）",
    "draw the matrix as a heatmap (.png)": "把矩阵画成热图（.png）",
    "draw the codes as a network (.png)": "把代码画成网络图（.png）",
    "codes × attribute values or cases": "代码 × 属性值或案例",
    "codes (paths, commas); default all": "代码（路径，用逗号分隔）；默认全部",
    "attribute name, or 'case'": "属性名称，或“case”（按案例）",
    "write the crosstab to this workbook": "把交叉表写入此工作簿",
    "draw the code frequencies as bars (.svg)": "把代码频次画成条形图（.svg）",
    "draw the code frequencies as bars (.png)": "把代码频次画成条形图（.png）",
    # words commands: their help and refusals
    "must be at least 1": "至少为 1",
    "must be 0 to {most}": "必须在 0 到 {most} 之间",
    "word, phrase or (with --regex) regular expression":
        "词、短语或（与 --regex 一起用时）正则表达式",
    "TERM is a regular expression": "TERM 是正则表达式",
    "only hits that are whole words of the segmentation": "只要分词结果中的完整词",
    "match upper and lower case alike": "不区分大小写",
    "document name (repeat for several)": "文档名称（多个时重复此选项）",
    "only the documents of this case (repeat for several)": "只用此案例的文档（多个时重复此选项）",
    "only the documents of this document set (repeat for several)":
        "只用此文档集中的文档（多个时重复此选项）",
    "word frequencies (Chinese-aware segmentation)": "词频（支持中文分词）",
    "{path_help}; only the text it codes (with its children)":
        "{path_help}；只统计它所编码的文字（包括子代码）",
    "only the text this coder coded": "只统计此编码员编码的文字",
    "how many words (default 50)": "列出多少个词（默认 50）",
    "characters, default 1": "字符数，默认 1",
    "part-of-speech tags to keep, e.g. n,v (prefixes: n takes nr)":
        "保留的词性标记，例如 n,v（按前缀：n 也包括 nr）",
    "count stop words too": "停用词也计数",
    "also save the table as an Excel workbook": "同时把表格保存为 Excel 工作簿",
    "also save a word cloud of the top words (SVG or PNG)": "同时保存高频词的词云（SVG 或 PNG）",
    "language of the workbook's labels": "工作簿标签的语言",
    "keyword in context (concordance)": "关键词上下文（语境索引）",
    "characters each side": "两侧各显示的字符数",
    "find the words merged with TERM (its synonyms) too": "同时查找与 TERM 合并的词（其同义词）",
    "order of the hits: by position, by the words left or right of the hit, or by the hit":
        "结果的排序：按位置、按左侧或右侧的文字，或按命中词",
    "at most this many hits": "最多列出这么多条结果",
    "code every hit of a term (one undoable step)": "为某个词的每处命中编码（一步即可撤销）",
    "code the hit, its sentence or its paragraph": "编码命中词本身、其所在句或所在段",
    "who codes (default: the project's coder)": "谁来编码（默认：项目的编码员）",
    "the project dictionary (code names are in it)": "项目词典（其中包括代码名称）",
    "words to add (comma-separated)": "要添加的词（用逗号分隔）",
    "words to take out": "要移除的词",
    "part-of-speech tag of the added words (default nz)": "所添加词的词性标记（默认 nz）",
    "the project's stop-word lists": "项目的停用词表",
    "which list": "哪一个词表",
    "words to remove": "要移除的词",
    "add the words of a text file, one a line (UTF-8, GBK … detected)":
        "添加文本文件中的词，每行一个（自动检测 UTF-8、GBK 等文本编码）",
    "words counted as another word": "按另一个词计数的词",
    "count the words after the first as the first": "把第一个词之后的词都按第一个词计数",
    "words to count as themselves again": "恢复按自身计数的词",
    # workshop commands: what they did
    "{participant}: {path} ({documents} documents, {codes} codes, {codings} codings)":
        "{participant}：{path}（{documents} 个文档，{codes} 个代码，{codings} 处编码）",
    "{count} participant copies written to {folder}": "已把 {count} 份参与者副本写入 {folder}",
    "merged {summary}": "已合并 {summary}",
    "  added code {path} (by {creator})": "  新增代码 {path}（由 {creator} 创建）",
    "  added code {path} (by an unknown coder)": "  新增代码 {path}（创建者不明）",
    "  added coder {name}": "  新增编码员 {name}",
    "  conflict {kind}: {subject}: {resolution}": "  冲突 {kind}：{subject}：{resolution}",
    "  note: {note}": "  注意：{note}",
    "{source}: {error}": "{source}：{error}",
    "annotator: error: not merged: {reason}": "annotator：错误：未合并：{reason}",
    "undefined": "无法计算",
    "characters (whitespace included)": "字符（含空白）",
    "characters without whitespace": "字符（不含空白）",
    "sentences": "句子",
    "paragraphs": "段落",
    "Agreement of {coders} on {documents} documents, {codes} codes (segment threshold "
    "{threshold})":
        "{coders} 在 {documents} 个文档、{codes} 个代码上的一致性（片段阈值 {threshold}）",
    "units: {unit}; every count and figure below is in these units; documents where no "
    "coder used a code: {uncoded}":
        "分析单位：{unit}；以下所有计数和数值都以此为单位；没有编码员使用某代码的文档：{uncoded}",
    "counted": "计入",
    "left out (--include-uncoded counts them)": "不计入（--include-uncoded 可计入）",
    "segments: MAXQDA's rule: each coding a segment, each coder's segments counted (a "
    "pair counts twice)":
        "片段：MAXQDA 规则，每个编码是一个片段，双方的片段都计数（一对计两次）",
    "segments: touching codings merge, one-to-one matching, a pair counts once":
        "片段：相邻的编码合并，一对一匹配，一对计一次",
    "'undefined' = 0/0; '—' = not compared (a coder coded nothing in that document, or "
    "nobody used the code there)":
        "“无法计算” = 0/0；“—” = 未比较（某位编码员在该文档中没有编码，或没有人在那里用过该代码）",
    "document": "文档",
    "units": "单位数",
    "both": "双方",
    "only A": "仅 A",
    "only B": "仅 B",
    "neither": "均无",
    "segments": "片段",
    "seg. %": "片段 %",
    "present": "参与",
    "(missing: {coders})": "（缺失：{coders}）",
    "(nobody used the code here: left out)": "（这里没有人用过该代码：不计入）",
    "  all documents: pooled κ {pooled}, weighted κ {weighted}, percent {percent}, "
    "α {alpha}, unitizing uα {u_alpha}, segments {matched} matched, {unmatched} unmatched "
    "({segment}), {documents} documents":
        "  全部文档：合并 κ {pooled}，加权 κ {weighted}，百分比一致性 {percent}，α {alpha}，"
        "单元化 uα {u_alpha}，片段 {matched} 对匹配、{unmatched} 个未匹配（{segment}），"
        "{documents} 个文档",
    "  all documents: α {alpha}, unitizing uα {u_alpha} (pairwise κ: --json or --xlsx)":
        "  全部文档：α {alpha}，单元化 uα {u_alpha}（两两之间的 κ：见 --json 或 --xlsx）",
    "with child codes": "包括子代码",
    "own codings only": "只计本身的编码",
    "set {{{members}}} ({scope}): α {alpha} over {values:g} pairable values; {overlaps} "
    "units with two codes of the set left out":
        "集合 {{{members}}}（{scope}）：α {alpha}，基于 {values:g} 个可配对值；"
        "{overlaps} 个带有该集合两个代码的单位未计入",
    "set {{{members}}} ({scope}): α {alpha} over {values:g} pairable values":
        "集合 {{{members}}}（{scope}）：α {alpha}，基于 {values:g} 个可配对值",
    "across the sets, each set one value (ATLAS.ti's Cu-α is this cuα):":
        "跨集合，每个集合为一个取值（ATLAS.ti 的 Cu-α 即此 cuα）：",
    "  unitizing: uα {u_alpha}, |uα (α binary) {binary}, cuα {cu_alpha}":
        "  单元化：uα {u_alpha}，|uα（α binary）{binary}，cuα {cu_alpha}",
    "    (k)uα {value}: {alpha} (units met by other coders' units: {coverage})":
        "    (k)uα {value}：{alpha}（与其他编码员的单元相遇的单元：{coverage}）",
    "notes:": "说明：",
    "wrote {path}": "已写入 {path}",
    "chance-corrected family (units: {unit}; values coded / not coded):":
        "机遇校正系数（单位：{unit}；取值为已编码 / 未编码）：",
    "  {code}: AC1 {ac1}, Brennan–Prediger {bp}, Scott's π {pi}":
        "  {code}：AC1 {ac1}，Brennan–Prediger {bp}，Scott's π {pi}",
    "  {code}: AC1 {ac1}, Brennan–Prediger {bp}, Fleiss' κ {fleiss}":
        "  {code}：AC1 {ac1}，Brennan–Prediger {bp}，Fleiss' κ {fleiss}",
    "; {measure} {level} % CI [{low}, {high}]": "；{measure} 的 {level}% 置信区间 [{low}, {high}]",
    "{document} [{start}, {end}) {code}: coded by {coded_by}; not by {not_coded_by}: "
    "{text!r}":
        "{document} [{start}, {end}) {code}：{coded_by} 编码了；{not_coded_by} 没有：{text!r}",
    ", q(α < {minimum}) = {q}": "，q(α < {minimum}) = {q}",
    "{count} disagreements": "{count} 处分歧",
    "{coder}: coded [{start}, {end}) of {document} with {code}":
        "{coder}：已用 {code} 编码 {document} 的 [{start}, {end})",
    "{document}: reviewed by {coder}": "{document}：{coder} 已审阅",
    "{document}: reviewed by {coder} (unchanged)": "{document}：{coder} 已审阅（未改变）",
    "{document}: not reviewed by {coder}": "{document}：{coder} 未审阅",
    "{document}: not reviewed by {coder} (unchanged)": "{document}：{coder} 未审阅（未改变）",
    "{count} reviewed marks": "{count} 个审阅标记",
    # workshop commands: their help
    "coder names, comma-separated (default: all who coded, except {consensus})":
        "编码员名称，用逗号分隔（默认：所有做过编码的编码员，{consensus} 除外）",
    'one coder, repeatable; the name is taken whole, so it may hold a comma ("Li, Wei")':
        "一位编码员，可重复；名称按原样整体使用，因此可以含逗号（“Li, Wei”）",
    "codes to compare (default: all used); {path_help}":
        "要比较的代码（默认：所有用过的）；{path_help}",
    "documents (default: all)": "文档（默认：全部）",
    "write one participant copy per participant": "为每位参与者写一份参与者副本",
    "the folder the copies are written to": "副本写入的文件夹",
    "names, comma-separated: A,B,C": "名称，用逗号分隔：A,B,C",
    "one participant, repeatable; the name is taken whole (commas too)":
        "一位参与者，可重复；名称按原样整体使用（可以含逗号）",
    "copies also carry the project's codings (default: documents and codebook only, for "
    "independent coding)":
        "副本也带上项目的编码（默认：只有文档和编码本，便于独立编码）",
    "documents and codebook only (the default; kept for scripts)":
        "只有文档和编码本（默认；为脚本保留）",
    "merge participant copies into a project": "把参与者副本合并到项目中",
    "the project the copies are merged into": "副本要合并进去的项目",
    "participant copies, projects or .qdpx files": "参与者副本、项目或 .qdpx 文件",
    "intercoder agreement (κ, α, segments)": "编码员间一致性（κ、α、片段）",
    "α over these codes as mutually exclusive values (repeatable); a code stands for its "
    "subtree": "把这些代码作为互斥取值计算 α（可重复）；一个代码代表它的整个子树",
    "in --set, count each code's own codings only, not its children's":
        "在 --set 中只计每个代码本身的编码，不计其子代码的编码",
    "segments match when overlap/union ≥ this (default 0.9)":
        "重叠/并集 ≥ 此值时片段匹配（默认 0.9）",
    "what agreement counts: characters (whitespace too), non_whitespace (the default), "
    "sentences or paragraphs":
        "一致性按什么计数：characters（字符，含空白）、non_whitespace（不含空白的字符，默认）、"
        "sentences（句子）或 paragraphs（段落）",
    "count documents where no coder used a code (default: left out of that code's "
    "figures)": "计入没有编码员使用某代码的文档（默认：不计入该代码的结果）",
    "segment agreement: 'pairs' (touching codings merge, one-to-one matching, a pair counts "
    "once; the default) or 'maxqda' (each coding a segment, each coder's segments counted: "
    "a pair counts twice)":
        "片段层面一致性：“pairs”（相邻的编码合并，一对一匹配，一对计一次；默认）或"
        "“maxqda”（每个编码是一个片段，双方的片段都计数：一对计两次）",
    "also write an agreement workbook": "同时写出一致性工作簿",
    "confidence intervals from N bootstrap resamples of documents (e.g. 1000; default: "
    "none)": "以文档为单位做 N 次自助法（bootstrap）重抽样得出置信区间（例如 1000；默认：不计算）",
    "interval level (default 0.95)": "置信水平（默认 0.95）",
    "with --bootstrap: the probability q that α falls below A (e.g. 0.667 or 0.8)":
        "与 --bootstrap 一起用：α 低于 A 的概率 q（例如 0.667 或 0.8）",
    "also print a methods paragraph (in --lang's language)":
        "同时输出一段方法说明（使用 --lang 的语言）",
    "also print what every figure depends on (unit, missing coders, segment rule …; always "
    "in --json and --xlsx)":
        "同时输出每个数值所依据的条件（单位、缺失的编码员、片段规则等；"
        "--json 和 --xlsx 中总会包括）",
    "language of the methods paragraph, the notes and the workbook": "方法说明、说明和工作簿的语言",
    "mark a document reviewed by a coder (finished reading: no codings there then mean "
    "'nothing to code', not missing)":
        "标记某位编码员已审阅某文档（已读完：此后那里没有编码表示“无可编码”，而不是缺失）",
    "coder name (taken whole: commas too)": "编码员名称（按原样整体使用：可以含逗号）",
    "take the mark away": "取消标记",
    "list the marks (of --coder / --doc)": "列出标记（--coder / --doc 的）",
    "where coders differ, span by span": "编码员之间的分歧，逐段列出",
    "code a span for the consensus coder {coder}": "为共识编码员 {coder} 给一段文字编码",
    "accept this coding (ids: disagreements --json); --start/--end adjust":
        "接受这处编码（编号见 disagreements --json）；--start/--end 可调整范围",
    "a memo on the consensus coding": "共识编码上的备忘录",
}
