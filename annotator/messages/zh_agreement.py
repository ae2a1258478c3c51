"""Chinese for the messages of agreement."""

ZH: dict[str, str] = {
    "Intervals are {level} % percentile intervals from {resamples} bootstrap resamples; "
    "where only one document was compared, of the stretches between the coders' "
    "boundaries within it.":
        "区间为 {resamples} 次自助法（bootstrap）重抽样得到的 {level}% 百分位区间；只比较了"
        "一份文档时，在该文档内部按编码员边界之间的段落重抽样。",
    "a coder's units must not overlap and must lie in 0..{length}":
        "同一编码员的单元不得重叠，且必须位于 0..{length} 之内",
    "a unit cannot have the gap value {gap!r}": "单元的取值不能是空隙值 {gap!r}",
    "Every count is in the unit above; the column of characters counts the document's "
    "characters.": "所有计数均以上述分析单位计；“字符数”一栏是文档的字符数。",
    "A code's own figures count its own codings, not its child codes'.":
        "单个代码的结果只计该代码本身的编码，不含其子代码的编码。",
    "In a code set, a code stands for itself and its child codes.":
        "在代码集合中，一个代码代表它本身及其子代码。",
    "In a code set, each code counts its own codings only.":
        "在代码集合中，每个代码只计其本身的编码。",
    "Where a coder put two codes of one set on the same unit, that unit is missing for "
    "that coder in the set's α (and a gap in its unitizing α).":
        "某位编码员在同一单位上使用了同一集合中的两个代码时，该单位在该集合的 α 中对这位"
        "编码员视为缺失（在单元化 α 中视为空隙）。",
    "With more than two coders, α and unitizing α are over all coders present in a "
    "document, not a pair's; κ, percent and segment agreement are per pair.":
        "编码员多于两位时，α 与单元化 α 基于文档中所有参与比较的编码员，而非某一对；κ、"
        "百分比一致性与片段层面一致性按每对编码员计算。",
    "Segments (MAXQDA's rule): every coding is a segment; a segment agrees when the other "
    "coder has a segment of the code with overlap / union ≥ {threshold}; each coder's "
    "segments are counted, so an agreeing pair counts twice.":
        "片段（MAXQDA 规则）：每个编码都是一个片段；另一位编码员有同一代码的片段且重叠/并集 "
        "≥ {threshold} 时，该片段视为一致；双方的片段都计数，因此一对一致的片段计两次。",
    "Segments: a coder's touching or overlapping codings of one code form one segment; two "
    "segments match when overlap / union ≥ {threshold}; the matching is one-to-one and as "
    "large as possible; a matched pair counts once.":
        "片段：同一编码员对同一代码相邻或重叠的编码合为一个片段；重叠/并集 ≥ {threshold} "
        "时两个片段匹配；匹配为一对一且尽可能多；一对匹配的片段计一次。",
    "Unitizing α (Krippendorff 2019) takes each coder's run of a code as one unit that "
    "cannot agree with itself by chance; character α takes every unit alone. For one "
    "code, uα equals |uα (ATLAS.ti's α binary).":
        "单元化 α（Krippendorff 2019）把每位编码员对某代码的连续编码视为一个单元，单元不会"
        "因随机而与自身一致；字符 α 把每个单位单独计算。对单个代码，uα 等于 |uα（ATLAS.ti "
        "的 α binary）。",
    "With one document, intervals resample the passages between the coders' boundaries "
    "within it, not documents.":
        "只有一份文档时，区间在文档内部按编码员边界之间的段落重抽样，而不是按文档。",
    "Undefined values (0/0) are shown as undefined, never as 0 or 1.":
        "无法计算的值（0/0）显示为“无法计算”，从不显示为 0 或 1。",
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
    "Krippendorff's α (nominal), Krippendorff's unitizing α (uα), Gwet's AC1 and "
    "Brennan–Prediger's κ (PABAK).":
        "对每个代码，我们报告跨文档合并列联表的 Cohen κ、Krippendorff α（名义尺度）、"
        "Krippendorff 单元化 α（uα）、Gwet AC1 以及 Brennan–Prediger κ（PABAK）。",
    "Per code we report Krippendorff's α (nominal), Krippendorff's unitizing α (uα), "
    "Fleiss' κ, Gwet's AC1 and Brennan–Prediger's κ.":
        "对每个代码，我们报告 Krippendorff α（名义尺度）、Krippendorff 单元化 α（uα）、"
        "Fleiss κ、Gwet AC1 以及 Brennan–Prediger κ。",
    "Intervals are {level} % percentile intervals from {resamples} bootstrap "
    "resamples of documents.":
        "区间为以文档为单位进行 {resamples} 次自助法（bootstrap）重抽样得到的 {level}% "
        "百分位区间。",
    "{code}: κ = {kappa}, α = {alpha}, uα = {u_alpha}, AC1 = {ac1}, "
    "Brennan–Prediger = {bp}.":
        "{code}：κ = {kappa}，α = {alpha}，uα = {u_alpha}，AC1 = {ac1}，"
        "Brennan–Prediger = {bp}。",
    "{code}: α = {alpha}, uα = {u_alpha}, Fleiss' κ = {fleiss}, AC1 = {ac1}, "
    "Brennan–Prediger = {bp}.":
        "{code}：α = {alpha}，uα = {u_alpha}，Fleiss κ = {fleiss}，AC1 = {ac1}，"
        "Brennan–Prediger = {bp}。",
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
