"""Chinese for the messages of the document readers (refusals name the file first)."""

ZH: dict[str, str] = {
    "{name}: {reason}": "{name}：{reason}",
    "contains no text": "不含文字",
    "the text encoding could not be recognised — if this is a text file, choose its "
    "encoding explicitly": "无法识别文本编码——如果这是文本文件，请明确指定它的文本编码",
    "contains NUL bytes — probably not a text file": "含有 NUL 字节——可能不是文本文件",
    "does not look like text — probably not a text file": "看起来不像文本——可能不是文本文件",
    "is password-protected — save it without a password and import it again":
        "受密码保护——请去掉密码另存后再导入",
    "is not an OpenDocument text (.odt)": "不是 OpenDocument 文本（.odt）",
    "is not an OpenDocument text that can be read (its XML is damaged)":
        "不是可读取的 OpenDocument 文本（其 XML 已损坏）",
    "is not a PDF file": "不是 PDF 文件",
    "has no text layer (it is probably a scan) — run text recognition (OCR) on it first":
        "没有文字层（可能是扫描件）——请先做文字识别（OCR）",
    "is password-protected — save an unprotected copy and import that":
        "受密码保护——请另存一份不加密的副本再导入",
    "is encrypted with AES, which this installation cannot decrypt — save an unprotected "
    "copy and import that": "使用 AES 加密，本程序无法解密——请另存一份不加密的副本再导入",
    "is damaged: no page of it could be read": "已损坏：没有一页能读取",
    "RTF files cannot be read by this installation — open it in Word, WPS or LibreOffice "
    "and save it as .docx":
        "本程序无法读取 RTF 文件——请用 Word、WPS 或 LibreOffice 打开并另存为 .docx",
    "is not an RTF file": "不是 RTF 文件",
    "its text would be longer than 50 million characters — too long to import as one "
    "document (it may be a crafted file); nothing was imported":
        "其文字将超过 5000 万个字符——太长，无法作为一个文档导入（可能是特意构造的文件）；"
        "未导入任何内容",
    # what a file should be (inside other sentences)
    "a text file": "文本文件",
    "a web page": "网页",
    "a Word document": "Word 文档",
    "a PDF document": "PDF 文档",
    "an OpenDocument text": "OpenDocument 文本",
    "an RTF document": "RTF 文档",
    "an Excel workbook": "Excel 工作簿",
    "a PowerPoint presentation": "PowerPoint 演示文稿",
    "an OpenDocument spreadsheet": "OpenDocument 电子表格",
    "an OpenDocument presentation": "OpenDocument 演示文稿",
    "an OpenDocument drawing": "OpenDocument 绘图",
    # formats and file facts
    "the old Word 97–2003 format is not supported — save it as .docx in Word, WPS or "
    "LibreOffice": "不支持旧的 Word 97–2003 格式——请在 Word、WPS 或 LibreOffice 中另存为 .docx",
    "WPS documents are not supported — save it as .docx in WPS":
        "不支持 WPS 文档——请在 WPS 中另存为 .docx",
    "Pages documents are not supported — export it as .docx":
        "不支持 Pages 文档——请导出为 .docx",
    "CAJ files are not supported — download the PDF version instead":
        "不支持 CAJ 文件——请改为下载 PDF 版本",
    "{suffix} files are not supported (supported: {supported})":
        "不支持 {suffix} 文件（支持：{supported}）",
    "has no file extension, so its format is unknown (supported: {supported})":
        "没有文件扩展名，无法判断格式（支持：{supported}）",
    "is empty": "是空文件",
    "is too large ({size:,.0f} MB; the limit is {limit} MB)":
        "太大（{size:,.0f} MB；上限为 {limit} MB）",
    "is not {what} that can be read (it is nested too deeply)":
        "不是可读取的{what}（嵌套层次太深）",
    "is too large to read with the memory available": "太大，可用内存不足以读取",
    "is not {what} that can be read (the file is damaged or not what its name says)":
        "不是可读取的{what}（文件已损坏，或与其名称所示的类型不符）",
    "is a folder, not a file": "是文件夹，不是文件",
    "is not a regular file": "不是普通文件",
    "does not exist (it was moved, renamed or deleted)": "不存在（已被移动、改名或删除）",
    "cannot be read: permission denied": "无法读取：没有权限",
    "cannot be read ({reason})": "无法读取（{reason}）",
    "1 character could not be read and became \ufffd": "1 个字符无法读取，已替换为 \ufffd",
    "{count} characters could not be read and became \ufffd":
        "{count} 个字符无法读取，已替换为 \ufffd",
    # text encodings
    "the encoding was guessed as {codec}; if the text looks wrong, import the file again "
    "with its encoding chosen":
        "文本编码是推测的（{codec}）；如果文字看起来不对，请指定文本编码后重新导入",
    "{encoding!r} is not a known text encoding": "{encoding!r} 不是已知的文本编码",
    "the bytes at offset {offset} are not valid {codec} — choose another encoding, or leave "
    "it out to detect it":
        "偏移 {offset} 处的字节不是有效的 {codec}——请选择其他文本编码，或不指定以自动检测",
    "the declared encoding {declared} does not fit the bytes; detected":
        "文件声明的文本编码 {declared} 与内容不符；已改用检测到的文本编码",
    "starts with a {bom} byte-order mark but the bytes at offset {offset} are not valid "
    "{codec}": "以 {bom} 字节顺序标记开头，但偏移 {offset} 处的字节不是有效的 {codec}",
    # documents
    "uses an XML entity ({entity}), which Word never writes — the text around it cannot be "
    "read reliably; open the file in Word, WPS or LibreOffice and save it again as .docx":
        "使用了 XML 实体（{entity}），Word 从不写入这种内容——其前后的文字无法可靠读取；"
        "请用 Word、WPS 或 LibreOffice 打开并重新另存为 .docx",
    "the page could not be read to its end; some text may be missing":
        "网页未能读到结尾；可能缺少部分文字",
    "page {listed}": "第 {listed} 页",
    "pages {listed}": "第 {listed} 页",
    "pages {listed} and {more} more": "第 {listed} 页及另外 {more} 页",
    "1 page without text ({pages})": "1 页没有文字（{pages}）",
    "{count} pages without text ({pages})": "{count} 页没有文字（{pages}）",
    "1 page could not be read ({pages})": "1 页无法读取（{pages}）",
    "{count} pages could not be read ({pages})": "{count} 页无法读取（{pages}）",
    # zip containers
    "is not {what} but an old-style Office file (a Word 97–2003 .doc, or a "
    "password-protected document) — save it as an unprotected .docx or .odt":
        "不是{what}，而是旧式 Office 文件（Word 97–2003 的 .doc，或受密码保护的文档）——"
        "请另存为不加密的 .docx 或 .odt",
    "is not {what} (the file is damaged, truncated or of another kind)":
        "不是{what}（文件已损坏、不完整或属于其他类型）",
    "looks like a zip bomb ({parts:,} parts; a document has far fewer)":
        "看起来是压缩炸弹（{parts:,} 个部分；正常文档远少于此）",
    "looks like a zip bomb (a part expands more than {ratio}-fold)":
        "看起来是压缩炸弹（某个部分解压后膨胀超过 {ratio} 倍）",
    "looks like a zip bomb (it would expand to more than {limit:,.0f} MB)":
        "看起来是压缩炸弹（解压后将超过 {limit:,.0f} MB）",
    "is a ZIP archive, not {what} ({suffix})": "是 ZIP 压缩包，不是{what}（{suffix}）",
    "is {other} ({other_suffix}), not {what} — rename it to {other_suffix}":
        "是{other}（{other_suffix}），不是{what}——请改名为 {other_suffix}",
    "is {other} ({other_suffix}), not {what} — save it as {suffix}":
        "是{other}（{other_suffix}），不是{what}——请另存为 {suffix}",
}
