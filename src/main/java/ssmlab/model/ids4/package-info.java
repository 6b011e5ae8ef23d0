/**
 * IDS4: the input-dependent S4 of Merrill, Petty and Sabharwal (ICML 2024, "The Illusion of
 * State in State-Space Models", the extension with input-dependent transition matrices): an SSM
 * whose transition is a dense N x N matrix computed from each token, the minimal change that lets
 * one layer track state (S5 word problems) beyond TC0.
 */
package ssmlab.model.ids4;
