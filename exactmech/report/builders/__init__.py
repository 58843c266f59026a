"""Builders of the papers' tables and figures, one module per paper.

Each module calls only the *public* functions of its paper module
(:mod:`exactmech.papers`) and turns their rows into :class:`~exactmech.report.table.Table`
objects (the paper's printed value in a :class:`~exactmech.report.table.Printed` cell
wherever the paper prints one) or :class:`~exactmech.report.figure_data.FigureData`
(regions as exact polygons). Paper modules are imported inside the builders, so the report
layer imports without them and a spec waiting for a module is merely *pending*.

Each module exposes ``TABLES`` and ``FIGURES``: tuples of
:class:`~exactmech.report.specs.TableSpec` / :class:`~exactmech.report.specs.FigureSpec`
in report order; :mod:`exactmech.report.tables` and :mod:`exactmech.report.figures`
concatenate them.
"""
