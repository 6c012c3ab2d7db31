-- Mark the file as apierr's, so that a database of another program found
-- at the history path is recognised and left alone.
PRAGMA application_id = 1634756965; -- 0x61706965, "apie"
