"""Chinese for the messages of REFI-QDA exchange (reading, checking and importing .qdpx/.qdc)."""

ZH: dict[str, str] = {
    # import report
    "{documents} documents, {codes} codes, {coders} coders, {codings} codings":
        "{documents} 个文档，{codes} 个代码，{coders} 位编码员，{codings} 处编码",
    "code {old!r} was renamed {new!r} (the name was already used beside it)":
        "代码“{old}”已改名为“{new}”（同级已有同名代码）",
    "{count} comment(s) on uncoded text in {name!r} were added to the document's memo":
        "“{name}”中 {count} 条未编码文本上的批注已加入该文档的备忘录",
    "source {name!r} has no text and was skipped": "来源“{name}”没有文本，已跳过",
    "source {name!r} has the same text as {twin!r}; its codings go there":
        "来源“{name}”与“{twin}”文本相同，其编码归入“{twin}”",
    "a coding refers to an unknown code {guid}; skipped": "一处编码引用了未知代码 {guid}，已跳过",
    "{count} free-standing notes were added to the project memo":
        "{count} 条独立笔记已加入项目备忘录",
    "{name}: a REFI-QDA codebook, not a project; create the project, then add the codes "
    "with 'annotator import PROJECT {path}'":
        "{name}：这是 REFI-QDA 编码本，不是项目；请先新建项目，"
        "再用“annotator import PROJECT {path}”加入代码",
    "The file's offsets were read as {rule} (producer: {origin}): {reason}. If codings "
    "look shifted, import again with the other reading: the window asks for it, the "
    "command line takes --offsets utf16 or codepoints, --crlf 1 or 2.":
        "文件中的位置按{rule}读取（生成程序：{origin}）：{reason}。如果编码看起来错位，"
        "请换一种读法重新导入：在窗口中导入时会询问读法，命令行请加 --offsets utf16 或 "
        "codepoints、--crlf 1 或 2。",
    "the texts have no characters beyond the BMP and no CRLF line ends, so every reading "
    "gives the same positions":
        "文本中没有 BMP 以外的字符，也没有 CRLF 换行，各种读法得到的位置相同",
    "the reading expected from the producer ({producer}) puts a selection beyond the end of "
    "its text":
        "按生成程序（{producer}）应有的读法，有选段超出其文本末尾",
    "the reading expected from the producer ({producer}) puts {expected} selection end(s) "
    "inside a word, a character or against punctuation, this one {best}":
        "按生成程序（{producer}）应有的读法，有 {expected} 个选段端点落在词中、字符中或紧贴标点，"
        "按此读法只有 {best} 个",
    "{aligned} selection ends fall on a line break under this reading, {expected} under the "
    "one expected from the producer ({producer})":
        "按此读法有 {aligned} 个选段端点落在换行处，按生成程序（{producer}）应有的读法只有 "
        "{expected} 个",
    "the reading expected from the producer ({producer}); it fits the texts ({cost} "
    "selection end(s) inside a word, a character or against punctuation; {other} under the "
    "next reading)":
        "这是生成程序（{producer}）应有的读法，与文本相符（{cost} 个选段端点落在词中、字符中或"
        "紧贴标点；换一种读法为 {other} 个）",
    "as the user chose": "按用户指定的读法",
    "{file}: read as {rule}, a selection ends beyond the end of its text; try the other "
    "--offsets or --crlf.":
        "{file}：按{rule}读取时有选段超出其文本末尾；请换用另一个 --offsets 或 --crlf。",
    "{count} control character(s) in names, descriptions or memos cannot be written in XML "
    "and were written as “\ufffd” (U+FFFD)":
        "名称、说明或备忘录中的 {count} 个控制字符无法写入 XML，已写作“\ufffd”（U+FFFD）",
    "{count} element(s) went out with the identifiers of the file they came from, which are "
    "not GUIDs (such as “c001”)":
        "{count} 个元素沿用了其来源文件中的标识符（不是 GUID，例如“c001”）",
    "{count} value(s) of the variable {name!r} do not fit its type and were not imported":
        "变量“{name}”有 {count} 个值与其类型不符，未导入",
    "{count} variable value(s) refer to no variable of the file and were not imported":
        "{count} 个变量值引用了文件中不存在的变量，未导入",
    "{attributes} attribute(s), {cases} case(s) and {sets} set(s) were imported":
        "已导入 {attributes} 个属性、{cases} 个案例和 {sets} 个集合",
    "{count} stretch(es) of text coded to cases came in as the cases' segments":
        "已导入案例所编码的 {count} 段文字，作为案例的片段",
    "{count} reference(s) of cases to codes or selections the file does not hold were not "
    "imported":
        "案例对文件中不存在的代码或选段的 {count} 处引用未导入",
    "{count} description(s) of variables were not imported: attributes have no description":
        "{count} 个变量的说明未导入：属性没有说明",
    "{count} document(s) of cases are not in the file's text sources and were left out of "
    "their cases":
        "案例中的 {count} 个文档不在文件的文本来源中，未加入案例",
    "{count} note(s) in sets were not imported: Annotator groups codes and documents only":
        "集合中的 {count} 条笔记未导入：Annotator 只能将代码和文档分组",
    "{count} set(s) hold no code or text source of the file and were not imported":
        "{count} 个集合不含文件中的任何代码或文本来源，未导入",
    "code points, line ends as in the file": "码位、换行按文件原样计数",
    "UTF-16 code units, line ends as in the file": "UTF-16 码元、换行按文件原样计数",
    "code points, each line end counted once": "码位、每个换行计为一个位置",
    "UTF-16 code units, each line end counted once": "UTF-16 码元、每个换行计为一个位置",
    "{folder}: no such folder": "{folder}：文件夹不存在",
    "{name}: REFI-QDA files end in .qdpx or .qd"
    "c": "{name}：REFI-QDA 文件的扩展名应为 .qdpx 或 .qdc",
    # reader warnings
    "The codebook is written in the namespace {namespace}; it was read as such.":
        "编码本使用命名空间 {namespace}，已按该命名空间读取。",
    "User {guid} is not listed in the project; they were added as “Unknown user {short}”.":
        "用户 {guid} 不在项目的用户列表中，已作为“未知用户 {short}”加入。",
    "{count} identifier(s) in the file are not GUIDs (such as “c001”); they were given GUIDs "
    "derived from them, and an export writes them back.":
        "文件中有 {count} 个标识符不是 GUID（例如“c001”），已为其生成由原标识符派生的 GUID，"
        "导出时写回原标识符。",
    "{count} source(s) were skipped: the archive's sources folder holds no files. The "
    "codebook, users and notes were read.":
        "已跳过 {count} 个来源：压缩包的 sources 文件夹中没有文件。已读取编码本、用户和笔记。",
    "a variable value has no VariableRef": "有变量值缺少 VariableRef",
    "link(s)": "个链接",
    "graph(s)": "个图",
    "{count} {what} in the file were not imported: Annotator cannot hold them yet.":
        "文件中的 {count} {what}未导入：Annotator 暂时无法保存它们。",
    "{count} {kind} source(s) were skipped: only text sources can be imported.":
        "已跳过 {count} 个 {kind} 来源：只能导入文本来源。",
    "{count} coding(s) in the source “{name}” refer to codes missing from the codebook and "
    "were skipped.":
        "来源“{name}”中有 {count} 处编码引用了编码本中不存在的代码，已跳过。",
    "{count} repeated coding(s) in the source “{name}” (same code, coder and range) were "
    "kept once.":
        "来源“{name}”中有 {count} 处重复编码（代码、编码员和范围都相同），只保留一处。",
    "{count} empty selection(s) in the source “{name}” were skipped.":
        "来源“{name}”中有 {count} 个空选段，已跳过。",
    # pieces of refusals
    "a code has no name": "有代码没有名称",
    "a coding has no CodeRef": "有编码没有 CodeRef",
    "a selection in the source “{name}” has no valid start or end":
        "来源“{name}”中有选段的起点或终点无效",
    "a {element} has an invalid {attribute} “{value}"
    "”": "有 {element} 的 {attribute} 无效：“{value}”",
    "a {element} has no {attribute}": "有 {element} 缺少 {attribute}",
    "the code GUID {guid} is used twice": "代码 GUID {guid} 被使用了两次",
    "the source GUID {guid} is used twice": "来源 GUID {guid} 被使用了两次",
    "the note “{name}”": "笔记“{name}”",
    "the source “{name}”": "来源“{name}”",
    "The text of {what} in {file}": "{file} 中{what}的文本",
    # refusals
    "{file} cannot be opened: no such file.": "无法打开 {file}：文件不存在。",
    "{file} is empty.": "{file} 是空文件。",
    "{file} is not a REFI-QDA project: it is not a zip archive.":
        "{file} 不是 REFI-QDA 项目：它不是 zip 压缩包。",
    "{file} holds {count} files, more than the {limit} an import accepts.":
        "{file} 含有 {count} 个文件，超过导入允许的 {limit} 个。",
    "{file} contains an unsafe path “{member}” and was refused.":
        "{file} 含有不安全的路径“{member}”，已拒绝。",
    "{file} looks like a zip bomb: “{member}” would inflate {ratio} times; it was refused.":
        "{file} 疑似压缩炸弹：“{member}”会膨胀 {ratio} 倍，已拒绝。",
    "{file} would unpack to {size} MiB, more than the {limit} MiB an import accepts.":
        "{file} 解压后为 {size} MiB，超过导入允许的 {limit} MiB。",
    "{file} contains several project documents (.qde) and none is named project.qde.":
        "{file} 含有多个项目文档（.qde），且没有一个名为 project.qde。",
    "{file} is not a REFI-QDA project: it has no project.qde inside.":
        "{file} 不是 REFI-QDA 项目：其中没有 project.qde。",
    "{file} is password-protected (“{member}”).": "{file} 受密码保护（“{member}”）。",
    "{file} is too large to import: “{member}” would unpack to {size} MiB.":
        "{file} 太大，无法导入：“{member}”解压后为 {size} MiB。",
    "{file} is too large to import: “{member}” inflates beyond its declared size.":
        "{file} 太大，无法导入：“{member}”解压后超出其声明的大小。",
    "{file} is damaged: “{member}” cannot be read.": "{file} 已损坏：无法读取“{member}”。",
    "{file} uses a compression or encryption this program cannot read (“{member}”).":
        "{file} 使用了本程序无法读取的压缩或加密方式（“{member}”）。",
    "{file} is damaged: {problem} (line {line}).": "{file} 已损坏：{problem}（第 {line} 行）。",
    "{file} is damaged: a selection in the source “{name}” runs from {start} to {end} "
    "(line {line}).":
        "{file} 已损坏：来源“{name}”中有选段从 {start} 到 {end}（第 {line} 行）。",
    "{file} is damaged: a selection in the source “{name}” ends at {end}, beyond the end of "
    "its text ({limit}) (line {line}).":
        "{file} 已损坏：来源“{name}”中有选段止于 {end}"
        "，超出其文本末尾（{limit}）（第 {line} 行）。",
    "{file} is damaged: its selections do not fit their texts.":
        "{file} 已损坏：其选段与文本对不上。",
    "{file} is incomplete: the text of {what} (“{path}”) is missing from the archive.":
        "{file} 不完整：压缩包中缺少{what}的文本（“{path}”）。",
    "{file} is incomplete: {what} has no text.": "{file} 不完整：{what}没有文本。",
    "{file} is not a REFI-QDA codebook (its root is not CodeBook).":
        "{file} 不是 REFI-QDA 编码本（其根元素不是 CodeBook）。",
    "{file} is not a REFI-QDA project (its {member} is not a Project).":
        "{file} 不是 REFI-QDA 项目（其中的 {member} 不是 Project）。",
    "{file} is too large to be a codebook ({size}"
    " bytes).": "{file} 太大，不可能是编码本（{size} 字节）。",
    "{what} contains NUL bytes — probably not "
    "a text file.": "{what}含有 NUL 字节——可能不是文本文件。",
    "{what} declares a DTD or XML entities, which REFI-QDA files never use; it was refused as "
    "unsafe.":
        "{what}声明了 DTD 或 XML 实体，REFI-QDA 文件从不使用它们；出于安全考虑已拒绝。",
    "{what} uses XML entities, which REFI-QDA files never use; it was refused as unsafe.":
        "{what}使用了 XML 实体，REFI-QDA 文件从不使用它们；出于安全考虑已拒绝。",
    "{what} holds a text of more than 10 MB inside its XML, more than an import reads.":
        "{what}的 XML 中含有超过 10 MB 的文本，超出导入可读取的范围。",
    "{what} holds no XML element.": "{what}中没有 XML 元素。",
    "{what} is empty.": "{what}是空的。",
    "{what} is not UTF-8 text, so its codings cannot be placed.":
        "{what}不是 UTF-8 文本，因此无法定位其编码。",
    "{what} is not well-formed XML (line {line}: {detail}).":
        "{what}不是格式正确的 XML（第 {line} 行：{detail}）。",
    "{count} reviewed mark(s) came in: a coder who marked a document reviewed and coded "
    "nothing in it counts as “not coded” in agreement":
        "导入了 {count} 个“已审阅”标记：编码员将文档标为已审阅而未在其中编码时，"
        "在一致性计算中算作“未编码”",
    "{count} code(s) have the GUID of a case (NVivo's way of coding cases on text): their "
    "codings were read as the cases' stretches of text, not as codes.":
        "{count} 个代码与某个案例的 GUID 相同（NVivo 在文字上为案例编码的方式）：其编码已作为"
        "案例所含的文字段读取，而不是作为代码。",
    "{count} selection(s) in the text of notes were not imported: Annotator codes documents, "
    "and a note came in as a memo.":
        "笔记文本中的 {count} 处选段未导入：Annotator 只对文档编码，笔记已作为备忘录导入。",
}
