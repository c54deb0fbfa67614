// Package eval loads the evaluation datasets in ../shared/eval and computes
// the metrics that `wiretrace eval` reports and that CI holds as floors.
package eval
