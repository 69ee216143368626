"""Reports of a plan's results: the province dashboard and unit reports, their Excel and PDF
exports, and the records of a sitting (domain.md §1.6) as PDFs.

- ``access``: who sees which report, and the scope a report is computed over (one place).
- ``selectors``: the aggregates (pass rates and classes by block, unit, rank, position and age
  band; histograms; per-topic percent correct; the list below the bar), read with aggregate
  queries over ``PartResult``/``PlanResult`` and value lists, so they are ready when the
  sitting ends.
- ``records``: what the sitting's records show (attendance from the attempts, the room record).
- ``charts``: server-side SVG (no script: CSP), accessible (title, desc, text labels).
- ``xlsx``: workbooks laid out like the forms organisers file; ``pdf`` and ``tablepdf``: the
  same as PDF (WeasyPrint for the short forms, a direct table writer for lists of thousands).
- ``tasks``: the long PDF batches as background jobs; ``services``: the audit of exports.

Nothing here writes a score: reports read what ``results_compute`` stored.
"""
