"""Chinese for the messages of agreement."""

ZH: dict[str, str] = {
    "the segment rule is one of {rules}, not {rule!r}":
        "片段比较规则只能是 {rules} 之一，而不是 {rule!r}",
    "the unit is one of {units}, not {unit!r}": "分析单位只能是 {units} 之一，而不是 {unit!r}",
    "values outside the categories: {values}": "取值不在类别之内：{values}",
    "a count cannot be negative": "计数不能为负数",
    "the number of resamples must be at least 1, not {n}": "重抽样次数至少为 1，而不是 {n}",
    "the confidence level must lie between 0 and 1, not {level}":
        "置信水平必须在 0 与 1 之间，而不是 {level}",
    "Intercoder agreement was assessed for {count} coders ({coders}) on {documents} "
    "documents ({characters} characters) and {codes} codes.":
        "编码员间一致性由 {count} 位编码员（{coders}）在 {documents} 份文档（共 {characters} "
        "个字符）上就 {codes} 个代码进行评估。",
    "The unit of analysis was the character, whitespace and line breaks included: for "
    "each code, a character was coded or not coded by each coder.":
        "分析单位为字符（含空白与换行）：对每个代码，每位编码员对每个字符的判断为“已编码”或“未编码”。",
    "The unit of analysis was the character, whitespace and line breaks excluded: for "
    "each code, a character was coded or not coded by each coder.":
        "分析单位为字符（不含空白与换行）：对每个代码，每位编码员对每个字符的判断为“已编码”或“未编码”。",
    "The unit of analysis was the sentence: for each code, a sentence was coded by a "
    "coder when their coding covered any of it.":
        "分析单位为句子：对每个代码，编码员的编码覆盖某句的任一部分即视为该句已编码。",
    "The unit of analysis was the paragraph: for each code, a paragraph was coded by a "
    "coder when their coding covered any of it.":
        "分析单位为段落：对每个代码，编码员的编码覆盖某段的任一部分即视为该段已编码。",
    "A coder who coded nothing in a document was treated as missing there unless they "
    "had marked it as reviewed.":
        "某位编码员在某文档中未作任何编码时视为缺失，除非其已将该文档标记为“已审阅”。",
    "Documents in which no coder used a code were counted for that code.":
        "没有编码员使用某代码的文档也计入该代码的结果。",
    "Documents in which no coder used a code were left out of that code's figures.":
        "没有编码员使用某代码的文档不计入该代码的结果。",
    "Per code we report Cohen's κ of the table pooled over documents, "
    "Krippendorff's α (nominal), Gwet's AC1 and Brennan–Prediger's κ (PABAK).":
        "对每个代码，我们报告跨文档合并列联表的 Cohen κ、Krippendorff α（名义尺度）、"
        "Gwet AC1 以及 Brennan–Prediger κ（PABAK）。",
    "Per code we report Krippendorff's α (nominal), Fleiss' κ, Gwet's AC1 and "
    "Brennan–Prediger's κ.":
        "对每个代码，我们报告 Krippendorff α（名义尺度）、Fleiss κ、Gwet AC1 以及 "
        "Brennan–Prediger κ。",
    "Intervals are {level} % percentile intervals from {resamples} bootstrap "
    "resamples of documents.":
        "区间为以文档为单位进行 {resamples} 次自助法（bootstrap）重抽样得到的 {level}% "
        "百分位区间。",
    "{code}: κ = {kappa}, α = {alpha}, AC1 = {ac1}, Brennan–Prediger = {bp}.":
        "{code}：κ = {kappa}，α = {alpha}，AC1 = {ac1}，Brennan–Prediger = {bp}。",
    "{code}: α = {alpha}, Fleiss' κ = {fleiss}, AC1 = {ac1}, "
    "Brennan–Prediger = {bp}.":
        "{code}：α = {alpha}，Fleiss κ = {fleiss}，AC1 = {ac1}，Brennan–Prediger = {bp}。",
    "The probability that α of {code} falls below {minimum} is q = {q}.":
        "{code} 的 α 低于 {minimum} 的概率为 q = {q}。",
    'a coding reaches outside the document of {length} characters':
        '有一条编码超出了共 {length} 个字符的文档范围',
    'a document length cannot be negative ({length})':
        '文档长度不能为负数（{length}）',
    'the segment threshold must be in (0, 1], not {threshold}':
        '片段阈值必须在 (0, 1] 之内，而不是 {threshold}',
    'a run [{start}, {end}) lies outside 0..{length}':
        '区段 [{start}, {end}) 超出了 0..{length}',
    "the 'none' value {value!r} is also a code of the set":
        '表示“无”的取值 {value!r} 同时也是集合中的一个代码',
    'document {doc!r} has a negative length {length}':
        '文档 {doc!r} 的长度为负数 {length}',
    'a coding refers to an unknown document {doc!r}':
        '有一条编码指向未知的文档 {doc!r}',
    'coding [{start}, {end}) lies outside document {doc!r} of {length} characters':
        '编码 [{start}, {end}) 超出了共 {length} 个字符的文档 {doc!r}',
    'agreement needs at least two coders with codings; found {count} ({found})':
        '计算一致性至少需要两位有编码的编码员；只找到 {count} 位（{found}）',
    'coding #{id} no longer exists':
        '编码 #{id} 已不存在',
    'a code set needs at least one code':
        '代码集合至少需要一个代码',
    '--threshold must be in (0, 1], not {value}':
        '--threshold 必须在 (0, 1] 之内，而不是 {value}',
    'give --doc, --code, --start and --end (or --coding ID)':
        '请给出 --doc、--code、--start 和 --end（或 --coding ID）',
    'give --doc and --coder to mark or unmark, or --list':
        '标记或取消标记请给出 --doc 和 --coder，或使用 --list',
}
