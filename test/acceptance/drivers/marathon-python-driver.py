"""Drives Debian's python3-marathon client (its own HTTP and SSE code, unmodified) against a
Marathon URL and prints one JSON line per step, for test/acceptance/marathon-python.test.ts."""
import json
import sys
import time

import marathon
from marathon.exceptions import MarathonHttpError, NotFoundError

c = marathon.MarathonClient(sys.argv[1])


def out(step, **kw):
    print(json.dumps({"step": step, **kw}), flush=True)


def wait(pred, timeout=20):
    end = time.time() + timeout
    while time.time() < end:
        if pred():
            return True
        time.sleep(0.2)
    return False


def settled():
    return wait(lambda: c.list_deployments() == [])


app = c.create_app("py-app", marathon.MarathonApp(cmd="sleep 3600", mem=16, cpus=0.1, instances=2, labels={"HAPROXY_GROUP": "external"}))
out("create", id=app.id, instances=app.instances, deployments=len(app.deployments))
out("settled", ok=settled())
apps = c.list_apps(embed_tasks=True)
out("list", apps=[[a.id, a.instances, len(a.tasks), a.labels] for a in apps], ports=[t.ports for a in apps for t in a.tasks])
out("scale", deploymentId=c.scale_app("py-app", instances=3)["deploymentId"], settled=settled(), running=c.get_app("py-app").tasks_running)
before = {t.id for t in c.list_tasks("py-app")}
out("restart", deploymentId=c.restart_app("py-app")["deploymentId"], settled=settled())
after = {t.id for t in c.list_tasks("py-app")}
out("replaced", count=len(after), overlap=len(before & after))
out("versions", count=len(c.list_versions("py-app")))
t = c.list_tasks("py-app")[0]
out("kill-scale", result=sorted(c.kill_task("py-app", t.id, scale=True).keys()), settled=settled(), instances=c.get_app("py-app").instances)
out("info", name=c.get_info().name, leader=c.get_leader() is not None, ping=c.ping().decode().strip())
ev = c.event_stream(event_types=["deployment_info"])
first = next(iter(ev))
out("events", first=type(first).__name__)
try:
    c.get_app("does-not-exist")
    out("404", raised=False)
except NotFoundError:
    out("404", raised=True)
try:
    c.create_app("py-bad", marathon.MarathonApp(cmd="sleep 1", mem=-1))
    out("422", status=None)
except MarathonHttpError as e:
    out("422", status=e.status_code)
out("delete", deploymentId=bool(c.delete_app("py-app", force=True)["deploymentId"]), settled=settled(), apps=len(c.list_apps()))
