#!/usr/bin/env bash
# compare.sh measures kdbg against kubectl debug on the local cluster, in the same run:
#   - the API requests each journey makes, counted from the apiserver's audit log by
#     user agent (kdbg* against kubectl*), for the same journey done by both tools;
#   - the time from command to the debug container Running, median of RUNS (default 5).
# Usage: make cluster-up build && test/bench/compare.sh   (run as root, from the repo root)
set -euo pipefail

base=${KDBG_CLUSTER_DIR:-/var/tmp/kdbg-cluster}
export KUBECONFIG=$base/kubeconfig
audit=$base/audit.log
runs=${RUNS:-5}
image=kdbg.local/busybox:1.35
kdbg=${KDBG:-bin/kdbg}
ns=bench-$(date +%s)

now() { date +%s.%N; }
elapsed() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$1" "$2"; }
median() { python3 -c "import sys, statistics; print(statistics.median(map(float, sys.argv[1:])))" "$@"; }

# requests AGENT FROM NAME...: the audit events after line FROM whose user agent starts with
# AGENT and that name one of the pods NAME (in the bench namespace) or no object at all
# (discovery), grouped as "verb resource/subresource". Other tests may share the cluster.
requests() {
	local agent=$1 from=$2
	shift 2
	tail -n +"$((from + 1))" "$audit" | python3 -c '
import collections, json, sys
agent, ns, names = sys.argv[1], sys.argv[2], sys.argv[3:]
seen = collections.Counter()
for line in sys.stdin:
    e = json.loads(line)
    if e.get("stage") != "ResponseComplete" or not e.get("userAgent", "").startswith(agent):
        continue
    ref = e.get("objectRef")
    if ref and (ref.get("namespace") != ns or ref.get("name") not in names):
        if not (ref.get("verb") == "watch" or ref.get("name") is None):
            continue
    if ref and ref.get("namespace") != ns:
        continue
    what = ref.get("resource") if ref else e["requestURI"].split("?")[0]
    if ref and ref.get("subresource"):
        what += "/" + ref["subresource"]
    seen[e["verb"] + " " + what] += 1
print(sum(seen.values()), "requests:", ", ".join(f"{k} x{v}" for k, v in sorted(seen.items())))
' "$agent" "$ns" "$@"
}

mark() { wc -l <"$audit"; }

# running POD CONTAINER: wait until the ephemeral container runs (polled every 100 ms).
running() {
	until [ -n "$(kubectl -n $ns get pod "$1" -o jsonpath="{.status.ephemeralContainerStatuses[?(@.name=='$2')].state.running.startedAt}")" ]; do
		sleep 0.1
	done
}

setup() {
	kubectl create namespace $ns --dry-run=client -o yaml | kubectl apply -f - >/dev/null
	for i in $(seq 1 "$runs"); do
		kubectl -n $ns run "app-$i" --image=kdbg.local/demo-app:1 --restart=Never \
			--dry-run=client -o yaml | kubectl apply -f - >/dev/null
	done
	kubectl -n $ns wait --for=condition=Ready pod --all --timeout=120s >/dev/null
}

setup
echo "== time from command to Running (ephemeral, general profile), $runs runs each"
kd=() kc=()
for i in $(seq 1 "$runs"); do
	t0=$(now)
	"$kdbg" -q -n $ns "app-$i" --image=$image -c "kdbg-$i" --wait -- sleep 600 >/dev/null
	kd+=("$(elapsed "$t0" "$(now)")")
	t0=$(now)
	kubectl debug -q -n $ns "app-$i" --image=$image -c "kubectl-$i" --profile=general \
		-- sleep 600 >/dev/null
	running "app-$i" "kubectl-$i"
	kc+=("$(elapsed "$t0" "$(now)")")
done
echo "kdbg --wait:               ${kd[*]}  median $(median "${kd[@]}") s"
echo "kubectl debug + poll:      ${kc[*]}  median $(median "${kc[@]}") s"

echo "== time from command to exit: create, wait, attach, run true (-i -- true), $runs runs each"
kd=() kc=()
for i in $(seq 1 "$runs"); do
	t0=$(now)
	"$kdbg" -q -n $ns "app-$i" --image=$image -i -- true </dev/null >/dev/null 2>&1 || true
	kd+=("$(elapsed "$t0" "$(now)")")
	t0=$(now)
	kubectl debug -q -n $ns "app-$i" --image=$image --profile=general -i -- true \
		</dev/null >/dev/null 2>&1 || true
	kc+=("$(elapsed "$t0" "$(now)")")
done
echo "kdbg -i -- true:           ${kd[*]}  median $(median "${kd[@]}") s"
echo "kubectl debug -i -- true:  ${kc[*]}  median $(median "${kc[@]}") s"

echo "== API requests of one journey: create, wait, attach, exit (-i -- true, stdin closed)"
from=$(mark)
"$kdbg" -q -n $ns app-1 --image=$image -i -- true </dev/null >/dev/null || true
kubectl debug -q -n $ns app-2 --image=$image --profile=general -i -- true \
	</dev/null >/dev/null 2>&1 || true
"$kdbg" -q -n $ns app-3 --image=$image --copy-to=app-3-copy -i --rm -- true </dev/null \
	>/dev/null || true
kubectl debug -q -n $ns app-4 --image=$image --copy-to=app-4-copy --profile=general -i \
	-- true </dev/null >/dev/null 2>&1 || true
kubectl -n $ns delete pod app-4-copy --wait=false >/dev/null 2>&1 || true # kubectl has no --rm
sleep 5 # the audit log is written in batches
echo "kdbg ephemeral:           $(requests "kdbg " "$from" app-1)"
echo "kubectl debug ephemeral:  $(requests "kubectl/" "$from" app-2)"
echo "kdbg copy --rm:           $(requests "kdbg " "$from" app-3 app-3-copy)"
echo "kubectl debug copy + delete: $(requests "kubectl/" "$from" app-4 app-4-copy)"

kubectl delete namespace $ns --wait=false >/dev/null
