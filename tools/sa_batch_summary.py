# SPDX-License-Identifier: GPL-2.0-or-later
"""The merged summary of a tools/sip-analysis-batch run, in one place.

Every per-file result goes through Summary.add_file() and every finding through
Summary.add_finding(), in time order of the files; as_dict() and as_text() render it.  The richer
"review summary" of a later issue is meant to grow here, so the batch command and any other caller
(a single-capture export, a test) get the same numbers from the same code.
"""

# Responses that really failed (a 401/407 challenge is not one unless the retry failed too).
FAILURE_VERDICTS = ("sip.analysis.response.failure", "sip.analysis.response.challenge_failed")
SEVERITY_ORDER = {"Comment": 0, "Chat": 1, "Note": 2, "Warning": 3, "Error": 4}


class Summary:
    def __init__(self, top_hops=20):
        self.top_hops = top_hops
        self.files = []              # one dict per file, in time order
        self.findings = {}           # finding -> {"count", "severity", "first": {...}}
        self.codes = {}              # "486 Busy Here" -> count (failure responses, 4xx-6xx)
        self.hops = {}               # hop -> {finding: count}
        self.total = 0

    def add_file(self, meta):
        """meta: the part's .json (file, status, packets, findings, error, warnings)."""
        self.files.append({k: meta.get(k) for k in
                           ("file", "status", "packets", "findings", "error", "warnings", "window")})

    def add_finding(self, f):
        self.total += 1
        name = f["finding"]
        e = self.findings.get(name)
        if e is None:
            # Files arrive in time order and frames in order within a file, so the first seen is
            # the first in the set.
            e = self.findings[name] = {"count": 0, "severity": f["severity"],
                                       "first": {"file": f["file"], "frame": f["frame"], "time": f["time"]}}
        e["count"] += 1
        if name in FAILURE_VERDICTS and f.get("code") is not None:
            key = ("%s %s" % (f["code"], f.get("phrase") or "")).strip()
            self.codes[key] = self.codes.get(key, 0) + 1
        h = self.hops.setdefault(f.get("hop") or "?", {})
        h[name] = h.get(name, 0) + 1

    def as_dict(self):
        bad = [f for f in self.files if f["status"] != "ok"]
        hops = sorted(self.hops.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
        return {
            "files": len(self.files),
            "files_ok": len(self.files) - len(bad),
            "files_with_errors": [{"file": f["file"], "status": f["status"], "error": f["error"]} for f in bad],
            "warnings": [{"file": f["file"], "warning": w} for f in self.files for w in (f.get("warnings") or [])],
            "packets": sum(f["packets"] or 0 for f in self.files),
            "findings": self.total,
            "per_finding": {k: self.findings[k] for k in sorted(
                self.findings, key=lambda k: (-SEVERITY_ORDER.get(self.findings[k]["severity"], 0), k))},
            "failures_per_code": dict(sorted(self.codes.items(), key=lambda kv: (-kv[1], kv[0]))),
            "per_hop": [{"hop": hop, "findings": sum(c.values()),
                         "per_finding": dict(sorted(c.items(), key=lambda kv: (-kv[1], kv[0])))}
                        for hop, c in hops],
            "per_file": self.files,
        }

    def as_text(self):
        d = self.as_dict()
        out = []
        w = out.append
        w("SIP Analysis batch summary")
        w("  files: %d analysed, %d with errors; %d packets; %d findings"
          % (d["files_ok"], len(d["files_with_errors"]), d["packets"], d["findings"]))
        for f in d["files_with_errors"]:
            w("  ERROR %s (%s): %s" % (f["file"], f["status"], f["error"]))
        for x in d["warnings"]:
            w("  warning %s: %s" % (x["file"], x["warning"]))
        w("")
        w("Findings (count, severity, first seen)")
        for name, e in d["per_finding"].items():
            w("  %-40s %8d  %-7s  %s frame %s" % (name, e["count"], e["severity"],
                                                 e["first"]["file"], e["first"]["frame"]))
        w("")
        w("Failure responses per code")
        for code, n in d["failures_per_code"].items():
            w("  %-40s %8d" % (code, n))
        if not d["failures_per_code"]:
            w("  (none)")
        w("")
        w("Per hop (top %d by findings)" % self.top_hops)
        for h in d["per_hop"][:self.top_hops]:
            top = ", ".join("%s %d" % (k[len("sip.analysis."):], v) for k, v in list(h["per_finding"].items())[:4])
            w("  %-48s %8d  %s" % (h["hop"], h["findings"], top))
        if len(d["per_hop"]) > self.top_hops:
            w("  ... %d more hops in summary.json" % (len(d["per_hop"]) - self.top_hops))
        return "\n".join(out) + "\n"
