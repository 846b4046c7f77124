namespace CleanroomsStack.Emulator.State;

/// <summary>
/// Who pays for what in a collaboration, as its creator assigned it (the model's PaymentConfiguration): query compute
/// always; job compute and the machine learning kinds only when the creator assigned them (null: not assigned, and
/// not rendered, as the model makes them optional).
/// </summary>
public interface IPayer
{
    bool PaysForQueries { get; }
    bool? PaysForJobs { get; }
    bool? PaysForModelTraining { get; }
    bool? PaysForModelInference { get; }
    bool? PaysForSyntheticDataGeneration { get; }
}
