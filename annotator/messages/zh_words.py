"""Chinese for the messages of words."""

ZH: dict[str, str] = {
    # command line
    "{total} words ({distinct} different) in {documents} documents":
        "{documents} 个文档中共 {total} 个词（{distinct} 个不同的词）",
    "saved {path}": "已保存 {path}",
    "{name}: the word cloud is saved as .svg or .png": "{name}：词云保存为 .svg 或 .png 文件",
    "{path}: cannot be written": "{path}：无法写入",
    "{path}: cannot be written ({reason})": "{path}：无法写入（{reason}）",
    "{count} hits": "共 {count} 处命中",
    "only the first {count} hits are shown": "只显示前 {count} 处命中",
    "{hits} hits: {added} codings added with {code}, {already} already coded":
        "{hits} 处命中：已用代码 {code} 添加 {added} 个编码片段，{already} 处已编码",
    "{added} words added, {removed} removed": "已添加 {added} 个词，移除 {removed} 个",
    "{path}: cannot be read ({reason})": "{path}：无法读取（{reason}）",
    "{added} stop words added, {removed} removed":
        "已添加 {added} 个停用词，移除 {removed} 个",
    "{count} words now counted as {head}": "{count} 个词今后计作“{head}”",
    "no text to count: no documents (or no coded text) in this selection":
        "没有可统计的文本：所选范围内没有文档（或没有已编码的文本）",
    # concordance and coding from hits
    "{term!r} has more than {max} hits; narrow the search first":
        "{term!r} 的命中超过 {max} 处；请先缩小搜索范围",
    "the extent is hit, sentence or paragraph (not {extent!r})":
        "编码范围只能是命中、句子或段落（不是 {extent!r}）",
    "context is 0 to {max} characters (got {n})": "上下文为 0 到 {max} 个字符（给出的是 {n}）",
    "sort by position, left, right or hit (not {key!r})":
        "排序方式为位置、左侧、右侧或命中词（不是 {key!r}）",
    "the search term is empty": "搜索词为空",
    "the search term has {n} characters; at most {max}":
        "搜索词有 {n} 个字符；最多 {max} 个",
    "the regular expression {term!r} does not compile: {reason}":
        "正则表达式 {term!r} 无法编译：{reason}",
    "the regular expression {term!r} matches empty text; it must match at least one "
    "character": "正则表达式 {term!r} 会匹配空文本；它至少要匹配一个字符",
    "the regular expression {term!r} took more than {seconds} s to find the next hit "
    "(it backtracks too much on this text); simplify it":
        "正则表达式 {term!r} 查找下一处命中超过 {seconds} 秒（在这段文本上回溯过多）；"
        "请简化它",
    "stopped before the end; nothing was changed": "已中途停止；没有做任何更改",
    # dictionary, stop words, synonyms
    "{word!r} is not a word: one word without spaces, at most 200 characters":
        "{word!r} 不是一个词：须为不含空格的一个词，最多 200 个字符",
    "stop-word lists are {languages}, not {language!r}":
        "停用词表只有 {languages}，没有 {language!r}",
    "{head!r} is itself merged into {other!r}; merge into that word":
        "{head!r} 本身已合并到 {other!r}；请合并到那个词",
    "none of these words is merged into another": "这些词都没有合并到其他词",
    "the minimum length is at least 1 (got {n})": "最小长度至少为 1（给出的是 {n}）",
    "{name}: a word list of {size} bytes is too big (at most 5 MB)":
        "{name}：词表有 {size} 字节，太大了（最多 5 MB）",
    "{name}: the word list is empty": "{name}：词表是空的",
}
