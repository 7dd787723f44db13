-- CreateTable
CREATE TABLE "ExerciseMaterial" (
    "id" TEXT NOT NULL,
    "exerciseId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "language" TEXT,
    "fileName" TEXT,
    "fileSha256" TEXT,

    CONSTRAINT "ExerciseMaterial_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MaterialFile" (
    "sha256" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,

    CONSTRAINT "MaterialFile_pkey" PRIMARY KEY ("sha256")
);

-- CreateIndex
CREATE INDEX "ExerciseMaterial_exerciseId_position_idx" ON "ExerciseMaterial"("exerciseId", "position");

-- CreateIndex
CREATE INDEX "ExerciseMaterial_fileSha256_idx" ON "ExerciseMaterial"("fileSha256");

-- AddForeignKey
ALTER TABLE "ExerciseMaterial" ADD CONSTRAINT "ExerciseMaterial_exerciseId_fkey" FOREIGN KEY ("exerciseId") REFERENCES "Exercise"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExerciseMaterial" ADD CONSTRAINT "ExerciseMaterial_fileSha256_fkey" FOREIGN KEY ("fileSha256") REFERENCES "MaterialFile"("sha256") ON DELETE RESTRICT ON UPDATE CASCADE;

