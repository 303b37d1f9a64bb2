# SPDX-License-Identifier: GPL-2.0-or-later
"""Runs tshark with the built plugin and returns per-frame values.

Fields come back per frame as lists (one entry per occurrence, in tree order), so a frame holding
two SIP messages yields two values for each field both carry.
"""
import glob
import json
import os
import re
import shutil
import subprocess

NOBODY = 65534


class Tshark:
    def __init__(self, work, plugin, captures_dir):
        self.work = work
        self.home = os.path.join(work, "home")
        version = self._wireshark_version()
        plugdir = os.path.join(work, "plugins", version, "epan")
        os.makedirs(plugdir)
        os.makedirs(self.home)
        shutil.copy(plugin, plugdir)
        self.captures = os.path.join(work, "captures")
        os.makedirs(self.captures)
        for f in glob.glob(os.path.join(captures_dir, "*.pcapng")):
            shutil.copy(f, self.captures)
        for root, dirs, files in os.walk(work):
            for d in dirs:
                os.chmod(os.path.join(root, d), 0o755)
            for f in files:
                os.chmod(os.path.join(root, f), 0o644)
        os.chown(self.home, NOBODY, NOBODY) if os.geteuid() == 0 else None

    @staticmethod
    def _wireshark_version():
        out = subprocess.run(["tshark", "--version"], capture_output=True, text=True, check=True).stdout
        m = re.search(r"TShark \(Wireshark\) (\d+)\.(\d+)", out)
        return "%s.%s" % (m.group(1), m.group(2))

    def capture(self, name):
        path = os.path.join(self.captures, name)
        assert os.path.exists(path), "missing capture %s" % name
        return path

    def run(self, args, check=True):
        env = {
            "HOME": self.home,
            "PATH": "/usr/sbin:/usr/bin:/sbin:/bin",
            "WIRESHARK_PLUGIN_DIR": os.path.join(self.work, "plugins"),
            "TZ": "UTC",
            "LC_ALL": "C.UTF-8",
        }
        for k in ("WIRESHARK_DEBUG_WMEM_OVERRIDE", "ASAN_OPTIONS", "UBSAN_OPTIONS", "LD_PRELOAD"):
            if k in os.environ:
                env[k] = os.environ[k]
        cmd = ["tshark"] + list(args)
        if os.geteuid() == 0:
            cmd = ["setpriv", "--reuid=%d" % NOBODY, "--regid=%d" % NOBODY, "--clear-groups"] + cmd
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, errors="replace", cwd=self.work, timeout=300)
        if check and proc.returncode != 0:
            raise AssertionError("tshark %s failed (%d): %s" % (" ".join(args), proc.returncode, proc.stderr))
        return proc

    def fields(self, capture, fields, two_pass=False, dfilter=None, prefs=None):
        """{frame number: {field: [values]}} for every frame (or those matching dfilter)."""
        args = ["-r", self.capture(capture), "-T", "fields", "-E", "occurrence=a", "-E", "aggregator=|",
                "-E", "separator=\t", "-e", "frame.number"]
        for f in fields:
            args += ["-e", f]
        if two_pass:
            args.append("-2")
        if dfilter:
            args += ["-Y", dfilter]
        for k, v in (prefs or {}).items():
            args += ["-o", "%s:%s" % (k, v)]
        out = self.run(args).stdout
        result = {}
        for line in out.splitlines():
            cols = line.split("\t")
            frame = int(cols[0])
            result[frame] = {f: (cols[i + 1].split("|") if cols[i + 1] != "" else [])
                             for i, f in enumerate(fields)}
        return result

    def frames(self, capture, dfilter, two_pass=False, prefs=None):
        """Frame numbers matching a display filter."""
        return sorted(self.fields(capture, [], two_pass=two_pass, dfilter=dfilter, prefs=prefs).keys())

    def analysis(self, capture, two_pass=False, dfilter=None, prefs=None):
        """{frame: [one dict per SIP message]} from -T json, each dict holding our fields
        ({abbrev: [values]}) and 'experts': [(abbrev, message, severity)] in tree order."""
        args = ["-r", self.capture(capture), "-T", "json", "--no-duplicate-keys"]
        if two_pass:
            args.append("-2")
        if dfilter:
            args += ["-Y", dfilter]
        for k, v in (prefs or {}).items():
            args += ["-o", "%s:%s" % (k, v)]
        packets = json.loads(self.run(args).stdout or "[]")
        result = {}
        for p in packets:
            layers = p["_source"]["layers"]
            frame = int(layers["frame"]["frame.number"])
            msgs = []
            # SIP quoted in an ICMP error sits at the top (Wireshark 4.0) or inside the ICMP layer (4.4 on)
            sips = _as_list(layers.get("sip"))
            for icmp in _as_list(layers.get("icmp")) + _as_list(layers.get("icmpv6")):
                if isinstance(icmp, dict):
                    sips += _as_list(icmp.get("sip"))
            for sip in sips:
                for sa in _as_list(sip.get("sip.analysis")):
                    d = {"experts": []}
                    if isinstance(sa, dict):
                        _collect(sa, d)
                    msgs.append(d)
            result[frame] = msgs
        return result


def _as_list(v):
    if v is None:
        return []
    return v if isinstance(v, list) else [v]


SEVERITY = {"1048576": "Comment", "2097152": "Chat", "4194304": "Note", "6291456": "Warning",
            "8388608": "Error"}


def _collect(obj, d):
    for key, val in obj.items():
        if key == "_ws.expert":
            for e in _as_list(val):
                abbrev = [k for k in e if k.startswith("sip.analysis.")][0]
                d["experts"].append((abbrev, e["_ws.expert.message"], SEVERITY[e["_ws.expert.severity"]]))
        elif isinstance(val, dict):
            _collect(val, d)
        elif isinstance(val, list) and val and isinstance(val[0], dict):
            for v in val:
                _collect(v, d)
        elif key.startswith("sip.analysis."):
            d.setdefault(key, []).extend(_as_list(val))
