"""Chinese for the messages of workshop."""

ZH: dict[str, str] = {
    "{source}: {count} new codings of this copy for {participant!r} are by coder "
    "{coder!r}, another person than the project's {coder!r} of the same name; "
    "nothing merged. A copy codes as its participant: in the copy, rename that "
    "coder (to {participant!r} if the codings are theirs) and merge again":
        "{source}：这份为 {participant!r} 制作的副本中有 {count} 条新编码属于编码员 "
        "{coder!r}，但他与项目中同名的编码员 {coder!r} 并非同一人；未合并任何内容。"
        "副本应以其参与者的身份编码：请在副本中为该编码员改名（若这些编码属于 "
        "{participant!r}，就改为 {participant!r}），然后再次合并",
    'participant {name!r} is named twice':
        '参与者 {name!r} 被列了两次',
    '{name!r} is the consensus coder, not a participant':
        '{name!r} 是共识编码员，不是参与者',
    '{path}: is a file, not a folder':
        '{path}：是文件，不是文件夹',
    '{path}: already exists; choose another folder':
        '{path}：已存在；请选择其他文件夹',
    '{path}: the project file is damaged ({reason})':
        '{path}：项目文件已损坏（{reason}）',
    '{path}: a project cannot be merged into itself':
        '{path}：项目不能合并到它自身',
    '{path}: merge failed, nothing merged ({reason})':
        '{path}：合并失败，未合并任何内容（{reason}）',
    'name at least one participant, and no empty names':
        '请至少列出一位参与者，且名字不能为空',
    "two participants' names give the same file name; rename one":
        '两位参与者的名字得出相同的文件名；请为其中一位改名',
    "{source}: not merged: {error}": "{source}：未合并：{error}",
    "{source}: documents {documents_matched} matched, {documents_added} added; "
    "codes {codes_matched} matched, {codes_added} added; coders {coders_matched} matched, "
    "{coders_added} added; codings {codings_added} added, {codings_present} already "
    "present; {conflicts} conflicts":
        "{source}：文档 {documents_matched} 个对应，{documents_added} 个新增；"
        "代码 {codes_matched} 个对应，{codes_added} 个新增；编码员 {coders_matched} 位对应，"
        "{coders_added} 位新增；编码 {codings_added} 处新增，{codings_present} 处已存在；"
        "{conflicts} 处冲突",
    "{source}: documents {documents_matched} matched, {documents_added} added; "
    "codes {codes_matched} matched, {codes_added} added; coders {coders_matched} matched, "
    "{coders_added} added; codings {codings_added} added, {codings_present} already "
    "present, {skipped} skipped; {conflicts} conflicts":
        "{source}：文档 {documents_matched} 个对应，{documents_added} 个新增；"
        "代码 {codes_matched} 个对应，{codes_added} 个新增；编码员 {coders_matched} 位对应，"
        "{coders_added} 位新增；编码 {codings_added} 处新增，{codings_present} 处已存在，"
        "{skipped} 处跳过；{conflicts} 处冲突",
}
