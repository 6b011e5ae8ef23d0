/**
 * The {@code ssmlab} command line: one picocli command per verb, thin (parse, call, print).
 *
 * <p>Conventions: machine-readable JSON on stdout where another program reads the result, text
 * where a person does; bad input is one line on stderr and exit code 2 ({@link ssmlab.cli.Errors}).
 */
package ssmlab.cli;
