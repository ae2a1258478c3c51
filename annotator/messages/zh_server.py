"""Chinese for the messages of team projects on a PostgreSQL server."""

ZH: dict[str, str] = {
    "{url}: cannot connect to the team project's server ({reason})":
        "{url}：无法连接团队项目的服务器（{reason}）",
    "{url}: the database is empty; create a team project in it with 'annotator new {url}'":
        "{url}：数据库是空的；请用“annotator new {url}”在其中新建团队项目",
    "{url}: the database is not an Annotator project": "{url}：该数据库不是 Annotator 项目",
    "{url}: the team project is damaged (its schema version is {version!r})":
        "{url}：团队项目已损坏（其结构版本为“{version}”）",
    "{url}: the database is not empty; a team project needs a database of its own":
        "{url}：数据库不是空的；团队项目需要一个单独的数据库",
    "{url}: written by a newer version of Annotator (project format {version}; this "
    "version reads up to {current}). Please update.":
        "{url}：该项目由更新版本的 Annotator 写入（项目格式 {version}；本版本最高只能读取 "
        "{current}）。请更新 Annotator。",
    "{url}: the connection to the team project's server was lost; this step was not saved "
    "({reason})": "{url}：与团队项目服务器的连接已断开；这一步没有保存（{reason}）",
    "someone else changed the same part of the team project at the same moment; this step "
    "was not saved — please try again":
        "有人在同一时刻修改了团队项目的同一部分；这一步没有保存——请再试一次",
    "a name or text is longer than the project allows; nothing was saved":
        "名称或文字超出项目允许的长度；没有保存任何内容",
    "the change clashes with one just made by someone else; this step was not saved":
        "这项修改与别人刚做的修改冲突；这一步没有保存",
    "{url}: the server does not allow your role to make this change in the team project "
    "(ask its administrator for the right); nothing was saved":
        "{url}：服务器不允许你的角色在团队项目中做这项修改（请向管理员申请权限）；"
        "没有保存任何内容",
    "{url}: the team project is from an older version (project format {version}) and must "
    "first be opened once by the role that owns it, which upgrades it; nothing was changed":
        "{url}：该团队项目来自较旧的版本（项目格式 {version}），"
        "须先由拥有它的角色打开一次以完成升级；没有做任何更改",
}
