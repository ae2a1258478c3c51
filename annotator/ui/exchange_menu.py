"""REFI-QDA exchange in the window (NVivo, ATLAS.ti, MAXQDA, QualCoder users):

* File → Import codebook (.qdc)… — codes from a codebook file join the codebook (codes
  already there are kept as they are). Not undoable: the undo history is cleared.
* File → New project from REFI-QDA (.qdpx)… — asks for the .qdpx, then where to save the
  new project, then how the file counts positions (the detected reading preselected, with
  its reason: ``ui/offsets_dialog``), opens it and reports what came in and the
  importer's notes.
* File → Export to REFI-QDA ▸ Project (.qdpx)… / Project for NVivo (.qdpx)… / Codebook
  (.qdc)… — the two project entries differ only in how offsets are counted (code points,
  as the standard says, or UTF-16 units, as NVivo counts); their tips say so.
* File → Save a copy… already exists in the window (``Project.save_copy``).
"""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMenu

from annotator.domain.errors import AnnotatorError
from annotator.services.repair import export_readable, left_out_note
from annotator.store.project import PROJECT_SUFFIX
from annotator.ui.context import AppContext
from annotator.ui.project_lifecycle import ProjectController
from annotator.ui.project_place import beside_project


def _t(text: str) -> str:
    return QCoreApplication.translate("ExchangeMenu", text)


def _with_suffix(path: str, suffix: str) -> Path:
    p = Path(path)
    return p if p.suffix.lower() == suffix else p.with_name(p.name + suffix)


def report_text(report, intro: str) -> str:
    lines = [intro, _t("{0} documents, {1} codes, {2} coders, {3} codings").format(
        report.documents, report.codes, report.coders, report.codings)]
    if report.skipped_codes:
        lines.append(_t("{0} codes were already there and were kept as they are").format(
            report.skipped_codes))
    if report.notes:
        lines.append("")
        lines.append(_t("Notes:"))
        lines.extend(f"• {n}" for n in report.notes[:40])
        if len(report.notes) > 40:
            lines.append(_t("… and {0} more").format(len(report.notes) - 40))
    return "\n".join(lines)


class ExchangeUI(QObject):
    """The REFI-QDA controller: New project from .qdpx, Import codebook (.qdc), Export to
    REFI-QDA ▸. Given the context and the project controller (to open what it made)."""

    def __init__(self, ctx: AppContext, projects: ProjectController) -> None:
        super().__init__(ctx.window)
        self.ctx, self.projects = ctx, projects
        self.last_report: str = ""
        reg = ctx.registry
        self.act_import_qdc = reg.action(
            "import_qdc", self.tr("Import code&book (.qdc)…"), self.import_codebook, None,
            self.tr("Add the codes of a REFI-QDA codebook file (from NVivo, ATLAS.ti, "
                    "MAXQDA…) to this project's codebook"),
            enabled=ctx.is_open, name="importCodebookAction")
        self.act_new_from_qdpx = reg.action(
            "new_from_qdpx", self.tr("New project from RE&FI-QDA (.qdpx)…"), self.new_from_qdpx,
            None, self.tr("Create a project from a REFI-QDA project exported by NVivo, "
                          "ATLAS.ti, MAXQDA or QualCoder"), name="newFromQdpxAction")
        self.act_export_qdpx = reg.action(
            "export_qdpx", self.tr("&Project (.qdpx)…"), self.export_qdpx, None,
            self.tr("Export documents, codebook, coders, codings, cases and attributes as a "
                    "REFI-QDA project; offsets count code points, as the standard says "
                    "(ATLAS.ti, MAXQDA, QualCoder)"), enabled=ctx.is_open,
            name="exportQdpxAction")
        self.act_export_qdpx_nvivo = reg.action(
            "export_qdpx_nvivo", self.tr("Project for &NVivo (.qdpx)…"), self.export_qdpx_nvivo,
            None, self.tr("The same project, with offsets in UTF-16 units as NVivo counts them: "
                          "after an emoji or a rare ideograph (𠮷) NVivo's positions are one "
                          "higher. Other programs should get the standard project"),
            enabled=ctx.is_open, name="exportQdpxNvivoAction")
        self.act_export_qdc = reg.action(
            "export_qdc", self.tr("&Codebook (.qdc)…"), self.export_qdc, None,
            self.tr("Export the codebook as a REFI-QDA codebook file"), enabled=ctx.is_open,
            name="exportQdcAction")
        self.export_menu = QMenu(self.tr("Export to REFI-Q&DA"), ctx.window)
        self.export_menu.setObjectName("refiExportMenu")
        self.export_menu.setToolTipsVisible(True)
        reg.add_menu("refi_export", self.export_menu, ctx.is_open)
        reg.fill(self.export_menu, ["export_qdpx", "export_qdpx_nvivo", "export_qdc"])

    def _info(self, title: str, text: str) -> None:
        self.last_report = text
        self.ctx.prompts.inform(title, text)

    # -- actions -------------------------------------------------------------------------

    def import_codebook(self) -> None:
        w, s = self.ctx, self.ctx.session
        if s.project is None:
            return
        path = w.prompts.open_file(
            self.tr("Import codebook"), self.projects.start_folder(),
            self.tr("REFI-QDA codebooks (*.qdc);;All files (*)"))
        if not path:
            return
        from annotator.services.exchange import import_codebook  # REFI-QDA: when used

        report = s.call(import_codebook, s.project, path)
        if report is None:
            return
        s.apply_outside_undo(report.changes)
        w.say(self.tr("Imported {0} codes from {1}").format(report.codes, Path(path).name))
        self._info(self.tr("Import codebook"), report_text(
            report, self.tr("Imported the codebook {0}.").format(Path(path).name)
            + " " + self.tr("This cannot be undone.")))

    def new_from_qdpx(self) -> None:
        w = self.ctx
        qdpx = w.prompts.open_file(
            self.tr("New project from REFI-QDA"), self.projects.start_folder(),
            self.tr("REFI-QDA projects (*.qdpx);;All files (*)"))
        if not qdpx:
            return
        suggestion = str(Path(qdpx).with_suffix(PROJECT_SUFFIX))
        dest = w.prompts.save_file(
            self.tr("Save the new project as"), suggestion,
            self.tr("Annotator projects (*{0})").format(PROJECT_SUFFIX))
        if not dest:
            return
        dest_path = _with_suffix(dest, PROJECT_SUFFIX)
        if dest_path.exists():
            w.show_error(self.tr("{0} already exists; choose another name").format(dest_path))
            return
        w.say(self.tr("Reading {0}…").format(Path(qdpx).name))
        from annotator.services.exchange import new_project_from_qdpx, read_exchange_file
        from annotator.ui.offsets_dialog import ask_offsets

        try:
            refi = read_exchange_file(qdpx)
            choice = ask_offsets(w.prompts, w.window, refi, Path(qdpx).name)
            if choice is None:
                return
            if not choice.kept:
                refi = read_exchange_file(qdpx, utf16=choice.utf16, crlf=choice.crlf)
            project, report = new_project_from_qdpx(dest_path, qdpx, refi=refi)
        except AnnotatorError as exc:
            w.show_error(str(exc))
            return
        self.projects.open_project(project)
        w.say(self.tr("Created {0} from {1}").format(dest_path.name, Path(qdpx).name))
        self._info(self.tr("New project from REFI-QDA"), report_text(
            report, self.tr("Created {0} from {1}.").format(dest_path, Path(qdpx).name)))

    def _export(self, suffix: str, title: str, filter_: str, utf16: bool = False) -> None:
        w, s = self.ctx, self.ctx.session
        if s.project is None:
            return
        path = w.prompts.save_file(title, str(beside_project(s.project, suffix)), filter_)
        if not path:
            return
        out = _with_suffix(path, suffix)
        from annotator.services.exchange import export_refi

        project = s.project
        done = s.call(export_readable, project, out,
                      lambda p, _found: export_refi(p, out, utf16=utf16))
        if done is None:
            return
        notes, damage = done
        w.say(self.tr("Exported {0}").format(out))
        if damage is not None:  # what was readable went out; say what did not
            notes = [left_out_note(project, out, damage), *notes]
        if notes:
            self._info(title, "\n".join(
                [self.tr("Exported {0}").format(out), "", *(f"• {n}" for n in notes)]))

    def export_qdpx(self) -> None:
        self._export(".qdpx", self.tr("Export REFI-QDA project"),
                     self.tr("REFI-QDA projects (*.qdpx)"))

    def export_qdpx_nvivo(self) -> None:
        self._export(".qdpx", self.tr("Export REFI-QDA project for NVivo (UTF-16 offsets)"),
                     self.tr("REFI-QDA projects (*.qdpx)"), utf16=True)

    def export_qdc(self) -> None:
        self._export(".qdc", self.tr("Export REFI-QDA codebook"),
                     self.tr("REFI-QDA codebooks (*.qdc)"))


__all__ = ["ExchangeUI", "report_text"]
