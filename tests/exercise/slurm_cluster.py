#!/usr/bin/env python3
# A throwaway single-node Slurm on this machine for tests (Debian's slurm-wlm and munge, from scripts/setup): in a
# temp dir, munged with its own key and socket, slurmctld and slurmd as root on free ports, no cgroups, no systemd.
#   with slurm_cluster() as env: subprocess.run(["sbatch", ...], env=env)   (env: os.environ + SLURM_CONF)
#   tests/exercise/slurm_cluster.py COMMAND...   runs COMMAND (e.g. sinfo) inside a cluster, then stops it
# Everything it started is stopped on leaving, also on a failure: its jobs cancelled, its daemons and the job
# steps they started (the processes whose environment names its slurm.conf) killed by pid.
import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROGRAMS = ["munged", "slurmctld", "slurmd", "sbatch", "sinfo", "scancel"]
READY_S = 60  # seconds the node has to come up idle


def missing_programs():
    return [p for p in PROGRAMS if not shutil.which(p, path=os.environ.get("PATH", "") + ":/usr/sbin:/sbin")]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def slurm_conf(tmp, host):
    return f"""ClusterName=pltest
SlurmctldHost={host}(127.0.0.1)
SlurmctldPort={free_port()}
SlurmdPort={free_port()}
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket={tmp}/munge.socket
SlurmUser=root
SlurmdUser=root
StateSaveLocation={tmp}/state
SlurmdSpoolDir={tmp}/spool
SlurmctldPidFile={tmp}/slurmctld.pid
SlurmdPidFile={tmp}/slurmd.pid
SlurmctldLogFile={tmp}/slurmctld.log
SlurmdLogFile={tmp}/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
ReturnToService=2
NodeName={host} NodeAddr=127.0.0.1 CPUs={os.cpu_count()} State=UNKNOWN
PartitionName=debug Nodes={host} Default=YES MaxTime=INFINITE State=UP
"""


def log_tails(tmp):
    return "\n".join(f"--- {log.name}:\n" + "\n".join(log.read_text(errors="replace").splitlines()[-15:])
                     for log in sorted(Path(tmp).glob("*.log")))


def started_by(conf):
    """The pids of the processes whose environment has SLURM_CONF=conf (the daemons' job steps)."""
    wanted = f"SLURM_CONF={conf}".encode()
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            if wanted in (entry / "environ").read_bytes().split(b"\0"):
                pids.append(int(entry.name))
        except OSError:
            continue  # gone, or not ours to read
    return pids


def stop(daemons, conf, env):
    subprocess.run(["scancel", "--full", "--user", "root"], env=env, capture_output=True, timeout=30)
    for daemon in reversed(daemons):
        daemon.terminate()
    deadline = time.time() + 10
    for daemon in daemons:
        try:
            daemon.wait(timeout=max(0.1, deadline - time.time()))
        except subprocess.TimeoutExpired:
            daemon.kill()
            daemon.wait()
    for pid in started_by(conf):  # job steps slurmd left behind
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


@contextlib.contextmanager
def slurm_cluster():
    """Starts the cluster, yields the environment its clients need (SLURM_CONF), stops it on leaving."""
    missing = missing_programs()
    if missing:
        raise RuntimeError(f"{', '.join(missing)} not installed: run scripts/setup (it installs slurm-wlm and munge)")
    tmp = tempfile.mkdtemp(prefix="pl-slurm-")
    conf = Path(tmp) / "slurm.conf"
    conf.write_text(slurm_conf(tmp, socket.gethostname().split(".")[0]))
    for folder in ("state", "spool"):
        (Path(tmp) / folder).mkdir()
    key = Path(tmp) / "munge.key"
    key.write_bytes(os.urandom(1024))
    key.chmod(0o400)
    env = dict(os.environ, SLURM_CONF=str(conf))
    env["PATH"] = env.get("PATH", "") + ":/usr/sbin:/sbin"
    daemons = []
    try:
        daemons.append(subprocess.Popen(
            ["munged", "--foreground", "--force", f"--key-file={key}", f"--socket={tmp}/munge.socket",
             f"--pid-file={tmp}/munged.pid", f"--log-file={tmp}/munged.log", f"--seed-file={tmp}/munged.seed"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        for daemon in ("slurmctld", "slurmd"):
            daemons.append(subprocess.Popen([daemon, "-D", "-f", str(conf)], env=env, stdout=subprocess.DEVNULL,
                                            stderr=subprocess.DEVNULL))
        deadline = time.time() + READY_S
        state = ""
        while state != "idle":
            if time.time() > deadline or any(d.poll() is not None for d in daemons):
                raise RuntimeError(f"the test cluster did not come up (sinfo: {state or 'nothing'}):\n"
                                   + log_tails(tmp))
            time.sleep(1)
            done = subprocess.run(["sinfo", "--noheader", "--format=%t"], env=env, capture_output=True, text=True)
            state = done.stdout.strip()
        yield env
    finally:
        stop(daemons, conf, env)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    with slurm_cluster() as cluster_env:
        sys.exit(subprocess.run(sys.argv[1:] or ["sinfo"], env=cluster_env).returncode)
