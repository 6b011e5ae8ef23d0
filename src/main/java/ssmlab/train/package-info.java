/**
 * Training: the AdamW optimizer with per-parameter weight decay, the warmup + cosine learning-rate
 * schedule and global-norm gradient clipping.
 */
package ssmlab.train;
