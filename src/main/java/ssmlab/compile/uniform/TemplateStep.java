package ssmlab.compile.uniform;

import java.util.List;

/** A step of a position's template: its call and its operands relative to the position. */
record TemplateStep(Call call, List<Relative> operands) {}
