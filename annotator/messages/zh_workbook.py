"""Chinese for the messages of workbook."""

ZH: dict[str, str] = {
    "{name}: the workbook must be an .xlsx file": "{name}：工作簿必须是 .xlsx 文件",
    "{path}: no such folder": "{path}：没有这个文件夹",
    "{path}: is a folder; choose a file name for the workbook (nothing was written)":
        "{path}：是文件夹；请为工作簿指定文件名（未写入任何内容）",
    "{path}: the workbook cannot be written ({reason}); nothing was written":
        "{path}：无法写入工作簿（{reason}）；未写入任何内容",
}
