"""Every undo step of the window, in one package: each is one ``Operation``
(``base.py``) whose ``execute`` does its work through one service call and returns the
``Changes`` it made; ``revert`` and ``again`` undo and redo it the same way.

* ``coding``    code, auto-code, uncode, remove codings, coding memos, in-vivo codes
* ``codebook``  add, rename / recolour / define / memo, move, merge, delete codes
* ``documents`` import, rename, memo, delete documents
* ``consensus`` accept a coder's coding into the consensus, or code it directly

They are tested without a window (``tests/ui/test_operations.py``): a ``Session`` runs
them, and the tests check the ``Changes`` and the project file.
"""
