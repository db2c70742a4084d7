package spec

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
	strictjson "sigs.k8s.io/json"

	"github.com/kdbg/kdbg/lib/cli"
	"github.com/kdbg/kdbg/lib/stream"
)

// object is one pod or node to debug, exactly one of the two set.
type object struct {
	pod  *corev1.Pod
	node *corev1.Node
}

// readFiles loads every -f file in order; "-" reads stdin.
func readFiles(names []string, stdin io.Reader) ([]object, error) {
	var all []object
	for _, name := range names {
		objs, err := readFile(name, stdin)
		if err != nil {
			return nil, err
		}
		all = append(all, objs...)
	}
	if len(all) == 0 {
		return nil, cli.Usagef("no pod or node in %s: give a Pod, a Node or a List of them",
			describe(names))
	}
	return all, nil
}

func readFile(name string, stdin io.Reader) ([]object, error) {
	if name == "-" {
		return load(stdin, "stdin")
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, cli.Usagef("reading -f: %w", err)
	}
	defer f.Close()
	return load(f, name)
}

func describe(names []string) string {
	if len(names) == 1 && names[0] == "-" {
		return "stdin"
	}
	return strings.Join(names, ", ")
}

// load decodes the pods and nodes in r, a stream of JSON or YAML objects each a Pod, a
// Node, or a List of them such as kubectl get -o json prints. source names r in errors.
// Unknown kinds and fields are usage errors that name them.
func load(r io.Reader, source string) ([]object, error) {
	objects := stream.NewReader(r)
	var all []object
	for {
		raw, err := objects.Next()
		if errors.Is(err, io.EOF) {
			return all, nil
		}
		if err == nil {
			var objs []object
			objs, err = decodeTop(raw)
			all = append(all, objs...)
		}
		if err != nil {
			return nil, cli.Usagef("reading %s: object %d: %w", source, objects.Index(), err)
		}
	}
}

type header struct {
	APIVersion string `json:"apiVersion"`
	Kind       string `json:"kind"`
}

// list is a v1 List, PodList or NodeList; items are decoded one by one by their kind.
type list struct {
	header
	Metadata json.RawMessage   `json:"metadata"`
	Items    []json.RawMessage `json:"items"`
}

func decodeTop(raw json.RawMessage) ([]object, error) {
	h, err := decodeHeader(raw)
	if err != nil {
		return nil, err
	}
	switch h.Kind {
	case "List", "PodList", "NodeList":
		return decodeList(raw, h)
	}
	obj, err := decodeItem(raw, h)
	if err != nil {
		return nil, err
	}
	return []object{obj}, nil
}

func decodeList(raw json.RawMessage, h header) ([]object, error) {
	if err := checkVersion(h); err != nil {
		return nil, err
	}
	var l list
	if err := strict(raw, &l); err != nil {
		return nil, fmt.Errorf("%s: %w", h.Kind, err)
	}
	objs := make([]object, 0, len(l.Items))
	for i, item := range l.Items {
		obj, err := decodeListItem(item, h.Kind)
		if err != nil {
			return nil, fmt.Errorf("%s item %d: %w", h.Kind, i+1, err)
		}
		objs = append(objs, obj)
	}
	return objs, nil
}

// decodeListItem decodes an item of a list; in a PodList or NodeList the server leaves
// out each item's apiVersion and kind.
func decodeListItem(raw json.RawMessage, listKind string) (object, error) {
	h, err := decodeHeader(raw)
	if err != nil {
		return object{}, err
	}
	implied := map[string]string{"PodList": "Pod", "NodeList": "Node"}[listKind]
	if h.Kind == "" && implied != "" {
		h = header{APIVersion: "v1", Kind: implied}
	}
	return decodeItem(raw, h)
}

func decodeHeader(raw json.RawMessage) (header, error) {
	var h header
	if err := json.Unmarshal(raw, &h); err != nil {
		return h, fmt.Errorf("want an object holding a Pod, a Node or a List of them: %w", err)
	}
	return h, nil
}

func decodeItem(raw json.RawMessage, h header) (object, error) {
	switch h.Kind {
	case "Pod":
		pod := &corev1.Pod{}
		return object{pod: pod}, decodeMeta(raw, h, pod, &pod.ObjectMeta)
	case "Node":
		node := &corev1.Node{}
		return object{node: node}, decodeMeta(raw, h, node, &node.ObjectMeta)
	case "":
		return object{}, fmt.Errorf("no kind: want a Pod, a Node or a List of them")
	}
	return object{}, fmt.Errorf("kind %q cannot be debugged: want a Pod, a Node or a List of them",
		h.Kind)
}

// decodeMeta decodes a Pod or Node strictly into v and checks that it has a name.
func decodeMeta(raw json.RawMessage, h header, v any, meta *metav1.ObjectMeta) error {
	if err := checkVersion(h); err != nil {
		return err
	}
	if err := strict(raw, v); err != nil {
		return fmt.Errorf("%s: %w", h.Kind, err)
	}
	if meta.Name == "" {
		return fmt.Errorf("%s has no metadata.name", h.Kind)
	}
	return nil
}

func checkVersion(h header) error {
	if h.APIVersion != "v1" {
		return fmt.Errorf("%s has apiVersion %q: want v1", h.Kind, h.APIVersion)
	}
	return nil
}

// strict decodes raw into v, refusing unknown and duplicate fields: a field this build
// does not know would be dropped from the pod kdbg-submit writes back.
func strict(raw json.RawMessage, v any) error {
	errs, err := strictjson.UnmarshalStrict(raw, v)
	if err != nil {
		return err
	}
	return errors.Join(errs...)
}

// get reads the target with one GET through the typed client.
func get(ctx context.Context, client kubernetes.Interface, resource, ns, name string) (
	object, error) {
	if resource == "node" {
		node, err := client.CoreV1().Nodes().Get(ctx, name, metav1.GetOptions{})
		if apierrors.IsNotFound(err) {
			return object{}, fmt.Errorf("node %q not found: check the name with kubectl get nodes",
				name)
		}
		if err != nil {
			return object{}, fmt.Errorf("getting node %q: %w", name, err)
		}
		return object{node: node}, nil
	}
	pod, err := client.CoreV1().Pods(ns).Get(ctx, name, metav1.GetOptions{})
	if apierrors.IsNotFound(err) {
		return object{}, fmt.Errorf("pod %q not found in namespace %q: check the name and -n",
			name, ns)
	}
	if err != nil {
		return object{}, fmt.Errorf("getting pod %q in namespace %q: %w", name, ns, err)
	}
	return object{pod: pod}, nil
}
