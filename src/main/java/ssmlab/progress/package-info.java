/**
 * How long work reports how far it got, the same way for every command (train, sweep, eval,
 * circuit): a bar redrawn in place when standard error is a terminal, plain periodic lines in a
 * log (CI, cluster jobs), or nothing ({@code --no-progress}).
 */
package ssmlab.progress;
