"""Chinese for the messages of store (opening, creating, recovering project files)."""

ZH: dict[str, str] = {
    "{path}: the project is busy — another window or program is writing to it; "
    "try again when it has finished (nothing was changed)":
        "{path}：项目正忙——另一个窗口或程序正在写入；请等它完成后再试（未做任何更改）",
    "{path}: the disk is full — free some space and try again (nothing was changed)":
        "{path}：磁盘已满——请腾出空间后再试（未做任何更改）",
    "{path}: the project file or its folder cannot be written (read-only) — "
    "nothing was changed": "{path}：项目文件或其所在文件夹不可写入（只读）——未做任何更改",
    "{path}: the project file is damaged ({reason}); nothing was changed":
        "{path}：项目文件已损坏（{reason}）；未做任何更改",
    "{path}: no such project file": "{path}：没有这个项目文件",
    "{path}: cannot be read ({reason})": "{path}：无法读取（{reason}）",
    "{path}: is a folder, not a project file": "{path}：是文件夹，不是项目文件",
    "{path}: is not a regular file (a pipe, device or socket), not a project file":
        "{path}：不是普通文件（而是管道、设备或套接字），不是项目文件",
    "{path}: not an Annotator project (another program's database)":
        "{path}：不是 Annotator 项目（是其他程序的数据库）",
    "{path}: the project file is damaged (its format number {value!r} is not "
    "valid); nothing was changed":
        "{path}：项目文件已损坏（格式编号 {value!r} 无效）；未做任何更改",
    "{path}: the project was left unfinished by a crash and must be recovered, but "
    "its folder cannot be written ({reason}); nothing was changed":
        "{path}：项目因程序崩溃而留有未完成的写入，需要恢复，但其所在文件夹不可写入（{reason}）；"
        "未做任何更改",
    "{path}: not an Annotator project (not a database file)":
        "{path}：不是 Annotator 项目（不是数据库文件）",
    "{path}: already exists; choose another file name": "{path}：已存在；请换一个文件名",
    "{path}: no such folder": "{path}：没有这个文件夹",
    "{path}: the project cannot be created ({reason}); nothing was changed":
        "{path}：无法创建项目（{reason}）；未做任何更改",
    "{path}: written by a newer version of Annotator (project format "
    "{version}; this version reads up to {current}). Please update.":
        "{path}：由更新版本的 Annotator 写入（项目格式 {version}；本版本最高读取 {current}）。"
        "请升级",
    "a copy cannot overwrite the project itself": "副本不能覆盖项目本身",
    "{path}: the copy cannot be written ({reason}); nothing was changed":
        "{path}：无法写入副本（{reason}）；未做任何更改",
    "{path}: the copy made before the upgrade could not be verified, so the "
    "project was not upgraded; nothing was changed":
        "{path}：升级前制作的副本无法通过校验，因此项目未升级；未做任何更改",
    "{path}: the copy made before the upgrade cannot be written ({reason}), so the "
    "project was not upgraded; nothing was changed":
        "{path}：无法写入升级前的副本（{reason}），因此项目未升级；未做任何更改",
    # opened read-only
    "the file is read-only; to change it, make it writable, or save a copy and work in the "
    "copy": "文件是只读的；如需修改，请把它设为可写，或另存一份副本并在副本中工作",
    "its folder cannot be written; to change it, move it to a folder you can write, or save "
    "a copy and work in the copy":
        "其所在文件夹无法写入；如需修改，请把它移到可写的文件夹，或另存一份副本并在副本中工作",
    "{path}: the project is open read-only ({reason}) — nothing was changed":
        "{path}：项目以只读方式打开（{reason}）——未做任何更改",
    "{path}: it cannot be written, and it is from an older version that must be upgraded "
    "before it can be opened — make it and its folder writable and open it again (nothing "
    "was changed)":
        "{path}：无法写入，且它来自旧版本，必须先升级才能打开——请把文件及其文件夹设为可写后"
        "重新打开（未做任何更改）",
    "it is damaged": "项目已损坏",
    # damage found after opening
    "no damage was found": "未发现损坏",
    "the text of {count} document(s) is damaged: {names}": "{count} 个文档的文字已损坏：{names}",
    "the file's structure is damaged ({problem})": "文件结构已损坏（{problem}）",
    "{first}, and {second}": "{first}，并且{second}",
    "{damage}; still readable: {documents} document(s), {codes} code(s), {codings} "
    "coding(s)": "{damage}；仍可读取：{documents} 个文档、{codes} 个代码、{codings} 个编码片段",
    "{path}: the project file is damaged — {report}. It is open read-only: nothing was "
    "changed. Save what is readable with: annotator salvage {path} NEW-FILE":
        "{path}：项目文件已损坏——{report}。项目现以只读方式打开，未做任何更改。"
        "请用以下命令保存仍可读取的内容：annotator salvage {path} 新文件",
    "{path}: the project file is damaged ({reason}); it is open read-only — nothing was "
    "changed": "{path}：项目文件已损坏（{reason}）；项目现以只读方式打开——未做任何更改",
    "{path}: the damage cannot be repaired in a copy ({problem}); nothing was written":
        "{path}：无法在副本中修复损坏（{problem}）；未写入任何内容",
    "{path}: opened read-only — {reason}": "{path}：已以只读方式打开——{reason}",
    # refused by the file system
    "the file or folder name is too long for the file system — choose a shorter name":
        "文件名或文件夹名太长，文件系统无法保存——请换一个短一些的名称",
    "permission denied": "没有权限",
    "the disk is full": "磁盘已满",
    "the disk is read-only": "磁盘是只读的",
    "no such file or folder": "没有这个文件或文件夹",
    "it already exists": "已经存在",
    "it is a folder": "它是文件夹",
    "a part of the path is not a folder": "路径中有一部分不是文件夹",
    "{path}: {reason} (nothing was changed)": "{path}：{reason}（未做任何更改）",
}
