"""Opens Ironplan's MS Project XML exports with MPXJ, the Java library that ProjectLibre and
GanttProject read MS Project files with, and checks each against what Ironplan exported:

    python3 tests/mpxj/check.py FOLDER

FOLDER holds NAME.xml and NAME.expect.json pairs, written by the host test
`mspdi::exports_for_an_outside_reader` (run by `.ci/test`'s `mpxj` step). For each file, MPXJ
must read it without an error and find the same tasks (title, start day, finish day), the same
number of dependencies and the same people. Exits 1 and names every difference otherwise.
"""

import glob
import json
import os
import sys
from collections import Counter

import jpype
import mpxj  # noqa: F401  (puts MPXJ's jars on the class path)

jpype.startJVM()
from org.mpxj.mspdi import MSPDIReader  # noqa: E402


def day(value):
    return None if value is None else str(value)[:10]


def check(path):
    expect = json.load(open(path[: -len(".xml")] + ".expect.json", encoding="utf-8"))
    project = MSPDIReader().read(path)
    # UID 0 is the project summary task, which Ironplan has no task for.
    tasks = [t for t in project.getTasks() if t.getUniqueID() is not None and t.getUniqueID().intValue() != 0]
    found = Counter((str(t.getName()), day(t.getStart()), day(t.getFinish())) for t in tasks)
    wanted = Counter((title, start, end) for title, start, end in expect["tasks"])
    problems = []
    for task, n in (wanted - found).items():
        problems.append(f"missing or with other dates: {task} x{n}")
    for task, n in (found - wanted).items():
        problems.append(f"not exported by Ironplan: {task} x{n}")
    links = sum(len(list(t.getPredecessors() or [])) for t in tasks)
    if links != expect["links"]:
        problems.append(f"{links} dependencies, expected {expect['links']}")
    people = [r for r in project.getResources() if r.getUniqueID() is not None and r.getUniqueID().intValue() != 0]
    if len(people) != expect["resources"]:
        problems.append(f"{len(people)} resources, expected {expect['resources']}")
    return problems, len(tasks), links, len(people)


def main():
    folder = sys.argv[1]
    files = sorted(glob.glob(os.path.join(folder, "*.xml")))
    if not files:
        print(f"mpxj: no .xml files in {folder}")
        return 1
    failed = 0
    for path in files:
        name = os.path.basename(path)
        try:
            problems, tasks, links, people = check(path)
        except Exception as error:  # MPXJ refused the file
            problems, tasks, links, people = [f"MPXJ cannot read it: {error}"], 0, 0, 0
        if problems:
            failed += 1
            print(f"FAIL {name}")
            for problem in problems[:20]:
                print(f"     {problem}")
        else:
            print(f"ok   {name}: {tasks} tasks, {links} dependencies, {people} resources")
    print(f"mpxj: {len(files) - failed} of {len(files)} exports read back as exported")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
