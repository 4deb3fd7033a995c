//go:build !linux

package perceptron

func hugeAlloc[T any](owner *Model, n int) []T { return make([]T, n) }
