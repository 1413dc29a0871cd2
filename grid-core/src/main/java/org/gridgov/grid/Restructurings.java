package org.gridgov.grid;

/** Split, merge and move, each with a preview of what moves; history is kept, nothing is deleted. */
public interface Restructurings {

    RestructuringPlan previewSplit(SplitCommand command);

    RestructuringResult split(SplitCommand command, String performedBy);

    RestructuringPlan previewMerge(MergeCommand command);

    RestructuringResult merge(MergeCommand command, String performedBy);

    RestructuringPlan previewMove(MoveCommand command);

    RestructuringResult move(MoveCommand command, String performedBy);
}
