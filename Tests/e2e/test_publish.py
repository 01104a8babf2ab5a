"""scripts/publish.sh against two local folders standing in for the two servers: each
target lands where its server serves it, the previous version stays served until the
new one is complete, and a publication killed half-way changes nothing readers see."""
import filecmp
import os
import random
import shutil
import signal
import subprocess
import time
from pathlib import Path

from conftest import REPO, TARGETS

PUBLISH = str(REPO / "scripts/publish.sh")


def publish(source: Path, destination: Path, **env) -> subprocess.CompletedProcess:
    return subprocess.run([PUBLISH, str(source), str(destination)], capture_output=True, text=True,
                          env=dict(os.environ, **env))


def same_tree(a: Path, b: Path) -> bool:
    comparison = filecmp.dircmp(a, b)
    if comparison.left_only or comparison.right_only or comparison.diff_files or comparison.funny_files:
        return False
    return all(same_tree(a / sub, b / sub) for sub in comparison.common_dirs)


def test_each_target_is_published_to_its_own_server_and_the_previous_is_kept(site_dir, tmp_path):
    servers = {target: tmp_path / f"server-{target}" / "var/www/skolnarvaro" / target for target in TARGETS}
    for target, destination in servers.items():
        destination.parent.mkdir(parents=True)
        result = publish(site_dir / target, destination)
        assert result.returncode == 0, result.stderr
        assert destination.is_symlink() and same_tree(site_dir / target, destination)
    # The staff pages are only on the intranet's server.
    assert (servers["intranat"] / "vem-gor-vad/index.html").exists()
    assert not (servers["webb"] / "vem-gor-vad").exists()

    # A new version: the link moves to it; the previous release stays for going back.
    first = os.readlink(servers["webb"])
    changed = tmp_path / "changed"
    shutil.copytree(site_dir / "webb", changed)
    (changed / "index.html").write_text((changed / "index.html").read_text().replace("Skolnärvaro", "Skolnärvaro (ny)"))
    time.sleep(1.1)
    result = publish(changed, servers["webb"])
    assert result.returncode == 0, result.stderr
    assert os.readlink(servers["webb"]) != first and Path(first).is_dir()
    assert "Skolnärvaro (ny)" in (servers["webb"] / "index.html").read_text()


def test_a_folder_without_a_built_site_is_refused(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = publish(empty, tmp_path / "server/webb")
    assert result.returncode == 1 and "build the site first" in result.stderr
    assert not (tmp_path / "server/webb").exists()


def test_a_publication_killed_half_way_leaves_the_served_site_whole(site_dir, tmp_path):
    destination = tmp_path / "server/webb"
    destination.parent.mkdir(parents=True)
    assert publish(site_dir / "webb", destination).returncode == 0
    # A large new version, so that a kill lands during the copy.
    big = tmp_path / "big"
    shutil.copytree(site_dir / "webb", big)
    with open(big / "stor.bin", "wb") as file:
        file.write(os.urandom(64 * 1024 * 1024))
    rng = random.Random(7)
    for attempt in range(6):
        before = os.readlink(destination)
        process = subprocess.Popen([PUBLISH, str(big), str(destination)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   start_new_session=True)
        time.sleep(rng.uniform(0.0, 0.4))
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        served = Path(os.readlink(destination))
        # Whatever the moment, readers get one whole version: the old or the new.
        assert served == Path(before) and same_tree(site_dir / "webb", served) or same_tree(big, served), attempt
        time.sleep(1.1)


def test_the_pipeline_files_check_build_and_publish_both_targets():
    for name in ["gitlab-ci.yml", "github-actions.yml"]:
        text = (REPO / "deploy/ci" / name).read_text()
        assert "samsyn check --strict" in text and "samsyn build --strict" in text, name
        for target in TARGETS:
            assert f"publish.sh public/{target} " in text, (name, target)
        # Published only from the main branch, never from a merge request.
        assert "CI_DEFAULT_BRANCH" in text or "github.event_name == 'push'" in text, name
