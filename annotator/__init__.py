"""Annotator: qualitative coding of texts."""


def __getattr__(name: str) -> str:
    """``annotator.__version__``, read from the installed metadata when first asked for.

    ``importlib.metadata`` costs tens of milliseconds to import, which every command would
    pay at start-up if the version were read here eagerly.
    """
    if name != "__version__":
        raise AttributeError(f"module 'annotator' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        value = version("annotator-qda")  # the distribution's name (pyproject.toml)
    except PackageNotFoundError:  # a source tree or a frozen bundle without metadata
        value = "0.1.0"
    globals()["__version__"] = value
    return value
