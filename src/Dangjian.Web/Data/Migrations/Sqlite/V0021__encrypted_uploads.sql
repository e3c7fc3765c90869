-- V0021: uploaded workbooks are stored encrypted with the personal-data key from now on; the uploads stored before
-- (plain workbooks, transient by nature: a preview waiting to be applied) are deleted rather than kept in the clear.
DELETE FROM "ImportUploads";
