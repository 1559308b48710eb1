import TeigenCore
