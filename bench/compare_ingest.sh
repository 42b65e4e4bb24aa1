#!/usr/bin/env bash
# Compares two newsgraph builds on the whole ingest command, run in turn (A, B, A, B, ...) so
# that both see the same machine load: `newsgraph ingest CORPUS --db NEW_STORE -q`, RUNS pairs,
# medians of wall time, CPU time (user + sys) and peak RSS, and B's ratio to A.
# Usage: bench/compare_ingest.sh OLD_BINARY NEW_BINARY CORPUS [RUNS]
#   CORPUS: a file or folder of articles (bench/make_corpus.py writes one); RUNS default 3.
# Environment: BENCH_DIR (where the stores go, default /tmp/newsgraph-bench).
set -euo pipefail
if [ $# -lt 3 ]; then
  sed -n '2,7p' "$0" >&2
  exit 2
fi
old=$1 new=$2 corpus=$3 runs=${4:-3}
work=${BENCH_DIR:-/tmp/newsgraph-bench}
mkdir -p "$work"
bytes=$(find "$corpus" -type f -print0 | xargs -0 cat | wc -c)
log="$work/compare.log"
: >"$log"
for ((run = 1; run <= runs; run++)); do
  for side in A B; do
    binary=$old
    [ "$side" = B ] && binary=$new
    rm -f "$work/compare.db" "$work/compare.db-wal" "$work/compare.db-shm"
    /usr/bin/time -o "$work/time.txt" -f "%e %U %S %M" "$binary" ingest "$corpus" \
      --db "$work/compare.db" -q >/dev/null 2>&1
    echo "$side $(cat "$work/time.txt") $(cut -d' ' -f1 /proc/loadavg)" | tee -a "$log"
  done
done
rm -f "$work/compare.db" "$work/compare.db-wal" "$work/compare.db-shm"
python3 - "$bytes" "$log" "$old" "$new" <<'EOF'
import statistics, sys
size, path, old, new = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
rows = {"A": [], "B": []}
for line in open(path):
    side, wall, user, sys_, rss, load = line.split()
    rows[side].append((float(wall), float(user) + float(sys_), float(user), float(sys_), float(rss)))
mb = size / 1e6
medians = {}
for side, name in (("A", old), ("B", new)):
    r = rows[side]
    wall, cpu = statistics.median(x[0] for x in r), statistics.median(x[1] for x in r)
    user, sys_ = statistics.median(x[2] for x in r), statistics.median(x[3] for x in r)
    rss = statistics.median(x[4] for x in r) / 1024
    medians[side] = (wall, cpu)
    print(f"{side} {name}: {len(r)} runs over {mb:.1f} MB, median wall {wall:.1f} s "
          f"({mb / wall:.1f} MB/s), CPU {cpu:.1f} s ({mb / cpu:.1f} MB/s; user {user:.1f}, "
          f"sys {sys_:.1f}), peak RSS {rss:.0f} MB")
print(f"B / A: wall {medians['B'][0] / medians['A'][0]:.2f}, "
      f"CPU {medians['B'][1] / medians['A'][1]:.2f}")
EOF
