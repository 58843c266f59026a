"""One module per seed paper (``../shared/papers/``), exposing the paper's objects as functions.

Papers build only on the layers below (:mod:`exactmech.lp`, :mod:`exactmech.dist`,
:mod:`exactmech.auctions`, :mod:`exactmech.calculus`); :mod:`exactmech.claims` calls them.
"""
