"""File → Open team project… / New team project…: where the team's database is.

A team project is a database on a PostgreSQL server, named the way libpq names one: a URL
(``postgresql://wang@db.example.org:5432/workshop?sslmode=require``), or its parts (host,
port, database, user), or a *service* from the team's ``pg_service.conf``. The dialog
takes either and keeps them in step; what it returns is one URL handed to libpq unchanged,
so ``.pgpass``, ``PGSERVICE`` and ``sslmode`` apply as the team's administrator set them.

The password is asked here and only here: it goes into the URL the window connects with,
in memory, and is never written anywhere — the recent list and the settings keep the URL
without it (``store/server.display_url``). Left empty, libpq looks in ``.pgpass``.
"""

from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from annotator.store.server import display_url, is_server_url


def build_url(host: str, port: str, database: str, user: str, service: str) -> str:
    """The libpq URL of these parts (empty ones left to libpq's defaults)."""
    netloc = (quote(user, safe="") + "@" if user else "") + host.strip()
    if port.strip():
        netloc += ":" + port.strip()
    query = "?" + urlencode({"service": service.strip()}) if service.strip() else ""
    # written out: urlunsplit would fold "postgresql:///" to "postgresql:/" without a host
    return f"postgresql://{netloc}/{quote(database.strip(), safe='')}{query}"


def url_parts(url: str) -> dict[str, str]:
    """Host, port, database, user and service of a URL (what the fields show)."""
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    try:
        port = str(parts.port or "")
    except ValueError:
        port = ""
    return {"host": parts.hostname or "", "port": port,
            "database": unquote(parts.path.lstrip("/")),
            "user": unquote(parts.username or ""), "service": query.get("service", "")}


def with_password(url: str, password: str) -> str:
    """``url`` carrying ``password`` (for the connection only, never to be stored)."""
    if not password:
        return url
    parts = urlsplit(url)
    host = parts.netloc.rsplit("@", 1)[-1]
    user = quote(unquote(parts.username or ""), safe="")
    return urlunsplit((parts.scheme, f"{user}:{quote(password, safe='')}@{host}", parts.path,
                       parts.query, parts.fragment))


class TeamProjectDialog(QDialog):
    """Where the team project is; ``url()`` is what to connect to (with the password)."""

    FIELDS = ("host", "port", "database", "user", "service")

    def __init__(self, parent: QWidget | None, title: str, *, url: str = "",
                 note: str = "", templates: list[str] | None = None,
                 template: int = 0) -> None:
        super().__init__(parent)
        self.setObjectName("teamProjectDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "A team project is a database on a PostgreSQL server that everyone in the team "
            "codes in at once. Paste its address, or fill in its parts or the name of a "
            "service from your pg_service.conf."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.note = QLabel(note)
        self.note.setObjectName("teamProjectNote")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setStyleSheet("color: #a3261f;")
        self.note.setVisible(bool(note))
        layout.addWidget(self.note)
        form = QFormLayout()
        layout.addLayout(form)
        self.url_edit = QLineEdit()
        self.url_edit.setObjectName("teamUrl")
        self.url_edit.setPlaceholderText("postgresql://user@server:5432/database")
        form.addRow(self.tr("Address (URL):"), self.url_edit)
        labels = {"host": self.tr("Server:"), "port": self.tr("Port:"),
                  "database": self.tr("Database:"), "user": self.tr("User name:"),
                  "service": self.tr("Or service name:")}
        placeholders = {"port": "5432", "service": "pg_service.conf"}
        self.edits: dict[str, QLineEdit] = {}
        for name in self.FIELDS:
            edit = QLineEdit()
            edit.setObjectName(f"team_{name}")
            edit.setPlaceholderText(placeholders.get(name, ""))
            edit.textEdited.connect(self._fields_edited)
            form.addRow(labels[name], edit)
            self.edits[name] = edit
        self.password = QLineEdit()
        self.password.setObjectName("teamPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("empty: from your .pgpass file"))
        form.addRow(self.tr("Password:"), self.password)
        self.template: QComboBox | None = None
        if templates is not None:
            self.template = QComboBox()
            self.template.setObjectName("teamTemplate")
            self.template.addItems(templates)
            self.template.setCurrentIndex(template)
            form.addRow(self.tr("Codebook to start with:"), self.template)
        remark = QLabel(self.tr("The password is used for this connection only and is never "
                                "saved; the recent projects list keeps the address without "
                                "it."))
        remark.setWordWrap(True)
        remark.setEnabled(False)
        layout.addWidget(remark)
        self.url_edit.textEdited.connect(self._url_edited)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Create") if templates is not None else self.tr("Open"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.set_url(url)

    def set_url(self, url: str) -> None:
        """Show ``url`` (its password, if any, goes to the password field)."""
        password = urlsplit(url).password if url else None
        self.url_edit.setText(display_url(url) if url else "")
        if password:
            self.password.setText(unquote(password))
        self._url_edited(self.url_edit.text())

    def _url_edited(self, text: str) -> None:
        parts = url_parts(text) if is_server_url(text.strip()) else {}
        for name, edit in self.edits.items():
            edit.setText(parts.get(name, ""))
        self._update_ok()

    def _fields_edited(self, _text: str = "") -> None:
        values = {n: e.text() for n, e in self.edits.items()}
        if any(v.strip() for v in values.values()):
            self.url_edit.setText(build_url(**values))
        else:
            self.url_edit.clear()
        self._update_ok()

    def _update_ok(self) -> None:
        self.ok.setEnabled(is_server_url(self.url_edit.text().strip()))

    def url(self) -> str:
        """The URL to connect to, with the password typed (keep it in memory only)."""
        return with_password(self.url_edit.text().strip(), self.password.text())

    def chosen_template(self) -> int:
        return self.template.currentIndex() if self.template is not None else -1


__all__ = ["TeamProjectDialog", "build_url", "url_parts", "with_password"]
