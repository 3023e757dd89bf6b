// Questionnaire versions as immutable JSON documents (the shape of src/shared/questionnaire/types).
// Stored whole because a version is read and validated as one piece, never queried inside.
export interface QuestionnairesTable {
  version: string;
  content: string;
}
