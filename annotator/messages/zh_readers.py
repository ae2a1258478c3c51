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
}
