/** The pre-norm decoder-only transformer family ({@code transformer}). */
package ssmlab.model.transformer;
