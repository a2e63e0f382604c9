"""Shared by bench/report.py and bench/compile/compile_sweep.py."""
import os
import subprocess
import sys


def reexec_with_system_python():
    """Debian's python3-matplotlib lives in /usr/bin/python3's path; when another python3
    (pyenv, a venv) runs the calling script without matplotlib, run it again with the system
    one."""
    try:
        import matplotlib  # noqa: F401
        return
    except ImportError:
        pass
    system = "/usr/bin/python3"
    if os.path.exists(system) and os.path.realpath(sys.executable) != os.path.realpath(system) \
            and not os.environ.get("TAPELESS_NO_REEXEC"):
        ok = subprocess.run([system, "-c", "import matplotlib"], capture_output=True).returncode == 0
        if ok:
            os.environ["TAPELESS_NO_REEXEC"] = "1"
            os.execv(system, [system, os.path.abspath(sys.argv[0]), *sys.argv[1:]])
