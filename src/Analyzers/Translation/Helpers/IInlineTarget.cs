namespace DoorbellGuard.Analyzers.Translation;

/// <summary>
/// What a model builder lets the walker do to inline a helper where a call is: add blocks, and go on from a block of
/// its choice. The structured builder and the graph builder both offer it, so both paths inline alike.
/// </summary>
internal interface IInlineTarget
{
    RawModel Model { get; }

    /// <summary>The block events go to now; -1 when no path reaches here.</summary>
    int CurrentBlock { get; }

    /// <summary>A new block, not yet current.</summary>
    int NewInlineBlock();

    /// <summary>An edge from the current block to <paramref name="block"/>; nothing more goes to the current block.</summary>
    void JumpTo(int block);

    /// <summary>Events go to <paramref name="block"/> from now on.</summary>
    void ContinueAt(int block);

    /// <summary>Whether the model may grow by <paramref name="blocks"/> more.</summary>
    bool HasRoomFor(int blocks);
}
