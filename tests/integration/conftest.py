# SPDX-License-Identifier: GPL-2.0-or-later
"""Fixtures that run the real tshark with the plugin from the build folder.

tshark ignores personal plugins and WIRESHARK_PLUGIN_DIR when run as root, so when the tests run
as root (CI does) tshark runs as an unprivileged user (setpriv) with a temporary HOME. The plugin
and the captures are copied into that temporary folder so the user can read them wherever the
checkout lives. Nothing is installed into the system.
"""
import os
import shutil
import tempfile

import pytest

from tshark_runner import Tshark

SOURCE_DIR = os.environ.get("SA_SOURCE_DIR", os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..")))


@pytest.fixture(scope="session")
def tshark():
    plugin = os.environ.get("SA_PLUGIN")
    if not plugin or not os.path.exists(plugin):
        pytest.fail("SA_PLUGIN must name the built sip_analysis.so (run the tests through ctest)")
    work = tempfile.mkdtemp(prefix="sa-tests-")
    os.chmod(work, 0o755)
    try:
        runner = Tshark(work, plugin, os.path.join(SOURCE_DIR, "captures"))
        yield runner
    finally:
        shutil.rmtree(work, ignore_errors=True)
