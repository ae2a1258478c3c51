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
}
