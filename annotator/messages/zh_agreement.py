"""Chinese for the messages of agreement."""

ZH: dict[str, str] = {
    "values outside the categories: {values}": "取值不在类别之内：{values}",
    "a count cannot be negative": "计数不能为负数",
    "the number of resamples must be at least 1, not {n}": "重抽样次数至少为 1，而不是 {n}",
    "the confidence level must lie between 0 and 1, not {level}":
        "置信水平必须在 0 与 1 之间，而不是 {level}",
    "Intercoder agreement was assessed for {count} coders ({coders}) on {documents} "
    "documents ({characters} characters) and {codes} codes.":
        "编码员间一致性由 {count} 位编码员（{coders}）在 {documents} 份文档（共 {characters} "
        "个字符）上就 {codes} 个代码进行评估。",
    "The unit of analysis was the character: for each code, a character was coded "
    "or not coded by each coder; a coder who coded nothing in a document was "
    "treated as missing there unless they had marked it as reviewed.":
        "分析单位为字符：对每个代码，每位编码员对每个字符的判断为“已编码”或“未编码”；"
        "在某份文档中未做任何编码的编码员，除非已将该文档标记为“已审阅”，否则在该文档中视为缺失。",
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
