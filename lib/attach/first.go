package attach

import (
	"sync"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/watch"
)

// firstThen is a watch that delivers one pod read beforehand, then the events of a real
// watch.
type firstThen struct {
	inner watch.Interface
	ch    chan watch.Event
	stop  chan struct{}
	once  sync.Once
}

func withFirst(inner watch.Interface, pod *corev1.Pod) watch.Interface {
	w := &firstThen{inner: inner, ch: make(chan watch.Event), stop: make(chan struct{})}
	go w.forward(watch.Event{Type: watch.Added, Object: pod})
	return w
}

func (w *firstThen) forward(first watch.Event) {
	defer close(w.ch)
	if !w.send(first) {
		return
	}
	for ev := range w.inner.ResultChan() {
		if !w.send(ev) {
			return
		}
	}
}

func (w *firstThen) send(ev watch.Event) bool {
	select {
	case w.ch <- ev:
		return true
	case <-w.stop:
		return false
	}
}

func (w *firstThen) ResultChan() <-chan watch.Event { return w.ch }

func (w *firstThen) Stop() {
	w.once.Do(func() {
		close(w.stop)
		w.inner.Stop()
	})
}
