#!/usr/bin/env bash
# measure.sh times one full cycle of the local cluster and prints the numbers
# the issue asks for: nothing -> Ready node with a Running pod, memory while
# running, the smoke tests, and down. Run from the repository root as root,
# after `make cluster-build`, with no cluster up.
set -euo pipefail
dir=${KDBG_CLUSTER_DIR:-/var/tmp/kdbg-cluster}
mk="make --no-print-directory -f test/cluster/cluster.mk"
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f s", b - a }'; }

t0=$(now)
export KUBECONFIG=$($mk cluster-up 2>/dev/null)
t1=$(now)
kubectl run measure --image=kdbg.local/demo-app:1 --restart=Never >/dev/null
kubectl wait --for=jsonpath='{.status.phase}'=Running pod/measure --timeout=90s >/dev/null
t2=$(now)

echo "up (node Ready):                  $(secs "$t0" "$t1")"
echo "nothing -> Running pod:           $(secs "$t0" "$t2")"
echo "memory (RSS, MiB) while running:"
total=0
for f in "$dir"/run/*.pid; do
	pid=$(cat "$f")
	kb=$(awk '/^VmRSS/ { print $2 }' "/proc/$pid/status")
	total=$((total + kb))
	printf '  %-24s %5d\n' "$(basename "$f" .pid)" $((kb / 1024))
done
shims=$(pgrep -f "containerd-shim.*$dir" | xargs -r -I{} awk '/^VmRSS/ { s += $2 } END { print s+0 }' /proc/{}/status | awk '{ s += $1 } END { print s+0 }')
pods=$(cat /sys/fs/cgroup/memory/kubepods/memory.usage_in_bytes 2>/dev/null || echo 0)
printf '  %-24s %5d\n' "containerd shims" $((shims / 1024)) "pod cgroups (usage)" $((pods / 1048576))
echo "  total daemons + shims:   $(((total + shims) / 1024)) MiB"
kubectl delete pod measure --wait=false >/dev/null

t3=$(now)
go test -tags e2e -count=1 -run 'TestSmoke|TestPodSecurity|TestLimitedUser|TestNoRegistry' ./test/e2e/... >/dev/null
t4=$(now)
$mk cluster-down 2>/dev/null
t5=$(now)
echo "smoke tests:                      $(secs "$t3" "$t4")"
echo "down:                             $(secs "$t4" "$t5")"
echo "full up, test, down cycle:        $(secs "$t0" "$t5")"
